using System.Threading.Channels;
using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using Channel = YouthMonth.Core.Messaging.Channel;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Where every channel's updates enter: numbered answers resolved to choices, the message stored in the inbox
/// (deduplicated by channel + update key) and the workers woken. Webhooks answer 200 only after this returns;
/// when the inbox cannot be written it throws <see cref="InboxUnavailableException"/> (webhooks answer 503).
/// </summary>
public sealed class InboundPipeline(
    IServiceProvider services, InboxWriter inbox, InboxSignal signal, CallbackAnswers callbacks, TimeProvider clock,
    ILogger<InboundPipeline> logger)
{
    // Resolved only when an update needs it: a Telegram text message (the hot path) never touches EF Core.
    private YouthMonthDb Db => services.GetRequiredService<YouthMonthDb>();

    /// <summary>True when something new was stored or changed; false for a redelivery or an ignored update.</summary>
    /// <exception cref="InboxUnavailableException">The database could not be reached (or timed out): nothing was stored.</exception>
    public async Task<bool> AcceptAsync(Channel channel, InboundUpdate update, CancellationToken ct)
    {
        try
        {
            return await AcceptCoreAsync(channel, update, ct);
        }
        catch (Exception e) when (e is not InboxUnavailableException && !ct.IsCancellationRequested && Faults.IsTransient(e))
        {
            // Zalo's and the local chat's numbered answers and the chat-state updates read the database through EF
            // before (or instead of) the inbox insert: that failing is the same "not stored, deliver it again".
            throw new InboxUnavailableException(e);
        }
    }

    private async Task<bool> AcceptCoreAsync(Channel channel, InboundUpdate update, CancellationToken ct)
    {
        switch (update)
        {
            case InboundUpdate.Message m:
                // Telegram has real buttons; only numbered lists (Zalo, local) need the text mapped to a choice.
                var message = channel == Channel.Telegram ? m.Incoming : await ChoiceAnswers.ResolveAsync(Db, m.Incoming, ct);
                var stored = await inbox.StoreAsync(m.UpdateKey, message, ct);
                // A button press is answered once per callback id: only the delivery that stored it answers, however
                // often Telegram redelivers it and whichever Bot instance receives it.
                if (stored && m.Incoming.CallbackQueryId is { } queryId && channel == Channel.Telegram) callbacks.Enqueue(queryId);
                if (stored) signal.Notify();
                else logger.LogInformation("{Channel} update {Key} was delivered again; ignored", channel, m.UpdateKey);
                return stored;
            case InboundUpdate.ChatMigrated migrated:
                await ChatAccountUpdates.MigrateAsync(Db, channel, migrated.OldChatId, migrated.NewChatId, clock.GetUtcNow(), ct);
                return true;
            case InboundUpdate.ChatBlocked blocked:
                var db = Db;
                await ChatAccountUpdates.MarkUnreachableAsync(db, channel, blocked.ChatId, "Người dùng đã chặn bot", clock.GetUtcNow(), ct);
                await db.SaveChangesAsync(ct);
                return true;
            case InboundUpdate.Ignored ignored:
                logger.LogDebug("{Channel} update ignored: {Reason}", channel, ignored.Reason);
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(update));
        }
    }
}

/// <summary>
/// Answers Telegram callback queries right after they are stored, so the user's button stops spinning
/// before the dialog has even run. Failures (e.g. a query too old) only matter cosmetically.
/// </summary>
public sealed class CallbackAnswers(IServiceScopeFactory scopes, ILogger<CallbackAnswers> logger) : BackgroundService
{
    private readonly Channel<string> _queue = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(string callbackQueryId) => _queue.Writer.TryWrite(callbackQueryId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TelegramApi>().AnswerCallbackQueryAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogInformation("answerCallbackQuery failed: {Error}", e.Message);
            }
        }
    }
}
