using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>
/// Start-up for Zalo (webhook registration) and, in polling mode, the one poller for the token. Zalo's
/// getUpdates returns one event per call and error 408 when the long poll ends idle.
/// </summary>
public sealed class ZaloPoller(
    ZaloClient client, IServiceScopeFactory scopes, IOptions<ZaloOptions> options, ILogger<ZaloPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        try
        {
            if (o.Mode == ChannelMode.Polling) await client.DeleteWebhookAsync(ct);
            else if (!string.IsNullOrWhiteSpace(o.WebhookUrl)) await client.SetWebhookAsync(o.WebhookUrl, o.WebhookSecret ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogError("Zalo webhook set-up failed: {Error}", e.Message); }
        if (o.Mode != ChannelMode.Polling) return;

        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var ev = await client.GetUpdatesAsync(o.PollTimeoutSeconds, ct);
                failures = 0;
                if (ev is null)
                {
                    if (o.EmptyPollDelayMs > 0) await Task.Delay(o.EmptyPollDelayMs, ct);
                    continue;
                }
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<InboundPipeline>()
                        .AcceptAsync(Channel.Zalo, ZaloUpdateMapper.Map(ev.Value), ct);
                }
                catch (MalformedUpdateException e)
                {
                    logger.LogWarning("Skipping malformed Zalo event: {Error}", e.Message);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                logger.LogWarning("Zalo getUpdates failed ({Error}); next try in {Seconds}s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
