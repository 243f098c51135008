using Microsoft.Extensions.Options;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Runs <see cref="ChatProcessor"/> with a few parallel workers. Per-chat order and exclusivity come from the
/// processor's advisory lock, so any number of workers and Bot instances can share one database.
/// </summary>
public sealed class InboxWorker(
    ChatProcessor processor, InboxSignal inbox, OutboxSignal outbox,
    IOptions<MessagingOptions> options, ILogger<InboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.InboxWorkers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.InboxPollIntervalMs);
        while (!ct.IsCancellationRequested)
        {
            var wake = inbox.Next;
            try
            {
                while (await processor.ProcessNextAsync(ct)) outbox.Notify();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The database was unreachable or similar; the messages stay pending.
                logger.LogError(e, "Inbox worker failed; retrying");
                await Task.Delay(interval, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            await WorkSignal.WaitAsync(wake, interval, ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
