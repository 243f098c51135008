namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Wakes idle workers when new work was written in this process. Take <see cref="Next"/> before looking for
/// work, so a signal that arrives while looking is not missed. Work from other hosts is found by polling.
/// </summary>
public abstract class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="wake"/> or the timeout, whichever is first.</summary>
    public static async Task WaitAsync(Task wake, TimeSpan timeout, CancellationToken ct)
    {
        try { await wake.WaitAsync(timeout, ct); }
        catch (TimeoutException) { }
    }
}

/// <summary>New inbox rows were stored.</summary>
public sealed class InboxSignal : WorkSignal;

/// <summary>New outbox rows were written.</summary>
public sealed class OutboxSignal : WorkSignal;
