using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Channels;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Sends the outbox. A row is claimed with a per-chat advisory lock plus FOR UPDATE SKIP LOCKED and marked Sent in
/// the same transaction as the claim, so two hosts never send one row, a Sent row is never sent again, and a
/// crash mid-send leaves the row Pending (sent again after restart: at-least-once at the network boundary).
/// Messages of one chat go out in order; pacing per token, per chat and per group comes from <see cref="SendPacer"/>
/// and is shared with the other Bot instances: a chat or group whose budget is spent, or a token paused by a 429,
/// is not even claimed until its time has come.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IEnumerable<IChannelSender> senders, SendPacer pacer, OutboxSignal signal, TimeProvider clock,
    IOptions<MessagingOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    private sealed record Candidate(long Id, string ChatId, DateTimeOffset NotBefore, string? ChatType);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = options.Value.OutboxWorkers;
        return Task.WhenAll(senders.Where(s => s.Enabled)
            .SelectMany(s => Enumerable.Range(0, workers).Select(w => Task.Run(() => RunAsync(s, w, workers, stoppingToken), stoppingToken))));
    }

    private async Task RunAsync(IChannelSender sender, int worker, int workers, CancellationToken ct)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.OutboxPollIntervalMs);
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                while (await SendBatchAsync(sender, worker, workers, ct) > 0) { }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox sender for {Channel} failed; retrying", sender.Channel);
            }
            // Paced chats become ready by time alone, so wait a little even without a signal.
            await WorkSignal.WaitAsync(wake, interval, ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>
    /// Sends what is due of this channel's chats that fall to this worker (<paramref name="worker"/> of
    /// <paramref name="workers"/>, by a hash of the chat id); returns how many messages went out.
    /// </summary>
    /// <remarks>
    /// One query lists up to 64 chats whose oldest message is due, then each is sent in a transaction of its own.
    /// Listing once per batch instead of once per message, and splitting the chats between this host's workers (so
    /// they never queue for each other's chats), cut the round trips per send; other hosts are kept apart by the
    /// per-chat advisory lock as before.
    /// </remarks>
    public async Task<int> SendBatchAsync(IChannelSender sender, int worker, int workers, CancellationToken ct)
    {
        List<Candidate> candidates;
        await using (var scope = scopes.CreateAsyncScope())
            candidates = await CandidatesAsync(scope.ServiceProvider.GetRequiredService<YouthMonthDb>(), sender, worker, workers, ct);
        var sent = 0;
        foreach (var c in candidates)
            if (await TrySendAsync(sender, c, ct)) sent++;
        return sent;
    }

    private Task<List<Candidate>> CandidatesAsync(YouthMonthDb db, IChannelSender sender, int worker, int workers, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var channel = sender.Channel.ToString();
        // Without limits the pacing keys match no row: every chat is ready.
        var pacingScope = sender.Pacing?.Scope ?? "";
        var groupLimit = sender.Pacing?.GroupMessagesPerMinute ?? int.MaxValue;

        // The oldest pending row of each chat: a chat's later rows wait behind it (order), also while it is delayed.
        // Chats whose pacing slot (gap, group budget) has not come, and everything while the token is paused, wait.
        return db.Database.SqlQuery<Candidate>($"""
            SELECT o.id, o.chat_id, o.not_before, a.chat_type
            FROM (SELECT DISTINCT ON (chat_id) id, chat_id, not_before FROM outbox
                  WHERE channel = {channel} AND state = 'Pending' ORDER BY chat_id, id) o
            LEFT JOIN chat_accounts a ON a.channel = {channel} AND a.chat_id = o.chat_id
            LEFT JOIN send_pacing p ON p.key = {pacingScope + ":chat:"} || o.chat_id
            WHERE o.not_before <= {now}
              AND ({workers} = 1 OR mod(hashtext(o.chat_id)::bigint + 2147483648, {workers}) = {worker})
              AND (p.next_at IS NULL OR p.next_at <= clock_timestamp())
              AND (coalesce(cardinality(p.recent), 0) < {groupLimit}
                   OR p.recent[cardinality(p.recent) - {groupLimit} + 1] <= clock_timestamp() - interval '1 minute')
              AND NOT EXISTS (SELECT 1 FROM send_pacing g WHERE g.key = {pacingScope} AND g.next_at > clock_timestamp() + interval '1 second')
            ORDER BY o.id LIMIT 64
            """).ToListAsync(ct);
    }

    /// <summary>Claims and sends the chat's oldest pending row if it is still <paramref name="c"/> and its slot allows.</summary>
    private async Task<bool> TrySendAsync(IChannelSender sender, Candidate c, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var channel = sender.Channel.ToString();
        var isGroup = c.ChatType == nameof(ChatType.Group) || (c.ChatType is null && c.ChatId.StartsWith('-'));
        // The chat's advisory lock and its oldest row in one round trip: no row when another worker or host holds
        // the chat (the lock is taken at most for the one row the index scan reaches first).
        var row = await db.Outbox.FromSqlInterpolated($"""
                SELECT * FROM outbox WHERE channel = {channel} AND chat_id = {c.ChatId} AND state = 'Pending'
                  AND pg_try_advisory_xact_lock(hashtextextended({"outbox:" + channel + ":" + c.ChatId}, 0))
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).SingleOrDefaultAsync(ct);
        if (row is null || row.Id != c.Id || row.NotBefore > now) return false;
        // Another instance sent to this chat since the query: its gap or budget may not allow this one yet.
        if (await pacer.ReserveAsync(sender.Pacing, row.ChatId, isGroup, ct) is not { } wait) return false;

        var paced = false;
        try
        {
            await SendRowAsync(sender, db, row, isGroup ? ChatType.Group : ChatType.Private, wait, ct);
            // The chat's "answer + gap" goes into the same commit as the row's state: one commit per send, not two.
            await pacer.SentAsync(sender.Pacing, row.ChatId, db, ct);
            // Nothing between the platform's answer and this commit but the row's own update: a crash in
            // between is the only way to send a message twice (docs/channels.md, "Crashes").
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            paced = true;
        }
        finally
        {
            // Also after a failure: the platform may have received (and counted) the request.
            if (!paced) await pacer.SentAsync(sender.Pacing, row.ChatId, CancellationToken.None);
        }
        return true;
    }

    private async Task SendRowAsync(IChannelSender sender, YouthMonthDb db, Core.Messaging.OutboxMessage row, ChatType chatType,
        TimeSpan wait, CancellationToken ct)
    {
        var message = MessageJson.Deserialize<OutgoingMessage>(row.Payload);
        row.Attempts++;
        for (var migrations = 0; ; migrations++)
        {
            try
            {
                // After a migration the supergroup is new to us: its own budget is fresh, only the global slot counts.
                if (migrations > 0) wait = await pacer.ReserveGlobalAsync(sender.Pacing, ct);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                var delivery = new OutboundDelivery(row.Id, row.ChatId, chatType, message, db)
                {
                    NextPart = async t =>
                    {
                        var gap = await pacer.ReserveGlobalAsync(sender.Pacing, t);
                        if (gap > TimeSpan.Zero) await Task.Delay(gap, t);
                    },
                };
                row.ExternalMessageId = await sender.SendAsync(delivery, ct);
                row.State = OutboxState.Sent;
                row.SentAt = clock.GetUtcNow();
                row.LastError = null;
                if (sender.NumbersChoices)
                    await ChoiceAnswers.RememberAsync(db, sender.Channel, row.ChatId, message.Choices, ct);
                return;
            }
            catch (ChatApiException e) when (e.MigrateToChatId is { } newChatId && migrations == 0)
            {
                logger.LogInformation("{Channel} chat {Old} became {New}; resending there", sender.Channel, row.ChatId, newChatId);
                await ChatAccountUpdates.MigrateAsync(db, sender.Channel, row.ChatId, newChatId, clock.GetUtcNow(), ct);
                row.ChatId = newChatId;
            }
            catch (ChatApiException e) when (e.IsNotModified)
            {
                // Telegram's "message is not modified": the chat already shows exactly this, which is what was wanted.
                row.State = OutboxState.Sent;
                row.SentAt = clock.GetUtcNow();
                row.LastError = e.Description;
                return;
            }
            catch (ChatApiException e)
            {
                await FailAsync(sender, db, row, e, ct);
                return;
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException)
            {
                // The message itself cannot be sent (e.g. a choice key over 64 bytes, a missing photo): do not retry.
                logger.LogError(e, "Outbox message {Id} cannot be sent", row.Id);
                row.State = OutboxState.Failed;
                row.LastError = e.Message;
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Unexpected (e.g. an unreadable answer): back off like a network error instead of retrying at once.
                await FailAsync(sender, db, row, new ChatApiException(sender.Channel, "send", null, e.Message, inner: e), ct);
                return;
            }
        }
    }

    private async Task FailAsync(IChannelSender sender, YouthMonthDb db, Core.Messaging.OutboxMessage row, ChatApiException e,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        row.LastError = e.Message;
        if (e.IsRateLimited)
        {
            var wait = e.RetryAfter ?? sender.RateLimitBackoff(row.Attempts);
            await pacer.PauseAsync(sender.Pacing, wait, ct);
            // Never fails the message; Attempts grows so that Zalo's backoff (no retry_after) is exponential.
            row.NotBefore = now + wait;
            logger.LogWarning("{Channel} rate limit; pausing {Seconds}s", sender.Channel, wait.TotalSeconds);
        }
        else if (e.IsUnreachable)
        {
            logger.LogInformation("{Channel} chat {Chat} is unreachable: {Reason}", sender.Channel, row.ChatId, e.Description);
            row.State = OutboxState.Failed;
            await ChatAccountUpdates.MarkUnreachableAsync(db, sender.Channel, row.ChatId, e.Description, now, ct);
        }
        else if (e.IsTransient && row.Attempts < options.Value.MaxSendAttempts)
        {
            row.NotBefore = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts)));
            logger.LogWarning("Sending outbox message {Id} failed (attempt {Attempt}): {Error}", row.Id, row.Attempts, e.Message);
        }
        else
        {
            row.State = OutboxState.Failed;
            logger.LogError("Outbox message {Id} failed for good: {Error}", row.Id, e.Message);
        }
    }
}
