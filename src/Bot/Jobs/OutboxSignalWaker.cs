using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Jobs;

/// <summary>A job that queued messages wakes this Bot's outbox sender instead of leaving them to its next poll.</summary>
public sealed class OutboxSignalWaker(OutboxSignal signal) : IOutboxWaker
{
    public void Wake() => signal.Notify();
}
