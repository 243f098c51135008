using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>
/// Start-up for Telegram (getMe, command menu, webhook registration) and, in polling mode, the one poller for
/// the token. The offset advances only after an update is stored, so a crash re-reads it (the inbox dedupes).
/// </summary>
public sealed class TelegramPoller(
    TelegramApi client, TelegramBotIdentity identity, IServiceScopeFactory scopes, IOptions<TelegramOptions> options,
    TelegramCommandMenu menu, ILogger<TelegramPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        await SetUpAsync(o, ct);
        if (o.Mode != ChannelMode.Polling) return;

        int? offset = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdatesAsync(offset, o.PollTimeoutSeconds, ct);
                failures = 0;
                foreach (var update in updates)
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<InboundPipeline>()
                            .AcceptAsync(Channel.Telegram, TelegramUpdateMapper.Map(update, identity.Username), ct);
                    }
                    catch (MalformedUpdateException e)
                    {
                        logger.LogWarning("Skipping malformed Telegram update: {Error}", e.Message);
                    }
                    // Only now, with the update stored, may Telegram forget it.
                    offset = Math.Max(offset ?? 0, update.Id + 1);
                }
                if (updates.Length == 0 && o.EmptyPollDelayMs > 0) await Task.Delay(o.EmptyPollDelayMs, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (ChatApiException e) when (e.ErrorCode == 200 && offset is not null)
            {
                // A batch the library cannot read (one update it cannot deserialise) would block polling for good;
                // the old hand-written client skipped such an update alone. Skip the first pending one and log it.
                logger.LogError("Telegram update {Id} could not be read and is skipped: {Error}", offset, e.Message);
                offset++;
            }
            catch (Exception e)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                logger.LogWarning("Telegram getUpdates failed ({Error}); next try in {Seconds}s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task SetUpAsync(TelegramOptions o, CancellationToken ct)
    {
        try
        {
            var me = await client.GetMeAsync(ct);
            identity.Learn(me.Username);
            logger.LogInformation("Telegram bot @{Username} ({Mode})", me.Username, o.Mode);
        }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning("Telegram getMe failed: {Error}", e.Message); }

        if (menu.Commands.Count > 0)
        {
            try { await client.SetMyCommandsAsync(menu.Commands, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning("Telegram setMyCommands failed: {Error}", e.Message); }
        }

        try
        {
            if (o.Mode == ChannelMode.Polling) await client.DeleteWebhookAsync(ct);
            else if (!string.IsNullOrWhiteSpace(o.WebhookUrl)) await client.SetWebhookAsync(o.WebhookUrl, o.WebhookSecret, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogError("Telegram webhook set-up failed: {Error}", e.Message); }
        identity.MarkSetUp();
    }
}

/// <summary>
/// The Vietnamese command menu set with setMyCommands at start-up. Filled from DI: register an
/// <c>IReadOnlyList&lt;(string Command, string Description)&gt;</c> (the dialogs' CommandMenu) and it is used.
/// </summary>
public sealed class TelegramCommandMenu(IEnumerable<IReadOnlyList<(string Command, string Description)>> lists)
{
    public IReadOnlyList<(string Command, string Description)> Commands { get; } =
        lists.SelectMany(l => l).DistinctBy(c => c.Command).Take(100).ToList();
}
