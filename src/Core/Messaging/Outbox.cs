using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>Writes outgoing messages into the outbox, in the caller's transaction.</summary>
public static class Outbox
{
    /// <summary>Adds a message to the context; it is written by the caller's SaveChanges (dialog replies).</summary>
    public static OutboxMessage Add(YouthMonthDb db, Channel channel, string chatId, OutgoingMessage message,
        DateTimeOffset now, string? dedupKey = null)
    {
        var row = new OutboxMessage
        {
            Channel = channel,
            ChatId = chatId,
            Payload = MessageJson.Serialize(message),
            DedupKey = dedupKey,
            CreatedAt = now,
            NotBefore = now,
            State = OutboxState.Pending,
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>How many replies may wait unsent for one chat before a chat's further replies are dropped.</summary>
    public const int ReplyBudgetPerChat = 20;

    private const string BudgetKeyPrefix = "reply-budget:";

    /// <summary>
    /// Adds a turn's replies unless the chat already has <paramref name="budget"/> replies waiting: one chat that
    /// floods the bot (4,003 wrong codes in 10 s queued ≈ 3,870 replies, over an hour of sending at 1/s) must not
    /// fill the outbox. Beyond the budget the turn's replies are dropped whole, and the chat is told so once while
    /// that notice is still unsent. The caller holds the chat (ChatProcessor's lock), so the count cannot race.
    /// Returns how many replies were dropped, and whether the chat is told so by this call.
    /// <paramref name="pendingAtStart"/> is the chat's pending count read at the start of the turn (ChatProcessor
    /// reads it with the chat, saving a round trip); rows this context wrote since then are added to it.
    /// </summary>
    public static async Task<(int Dropped, bool Told)> AddRepliesAsync(YouthMonthDb db, Channel channel, string chatId,
        IReadOnlyList<OutgoingMessage> replies, DateTimeOffset now, CancellationToken ct = default, int budget = ReplyBudgetPerChat,
        int? pendingAtStart = null)
    {
        if (replies.Count == 0) return (0, false);
        var pending = db.Outbox.Where(o => o.Channel == channel && o.ChatId == chatId && o.State == OutboxState.Pending);
        var count = pendingAtStart is { } known
            ? known + db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State is EntityState.Unchanged or EntityState.Modified
                && e.Entity.Channel == channel && e.Entity.ChatId == chatId && e.Entity.State == OutboxState.Pending)
            : await pending.CountAsync(ct);
        if (count + replies.Count <= budget)
        {
            foreach (var reply in replies) Add(db, channel, chatId, reply, now);
            return (0, false);
        }
        if (await pending.AnyAsync(o => o.DedupKey != null && o.DedupKey.StartsWith(BudgetKeyPrefix), ct))
            return (replies.Count, false);
        Add(db, channel, chatId, new OutgoingMessage { Text = MessagingTexts.TooManyMessages }, now,
            $"{BudgetKeyPrefix}{channel}:{chatId}:{now.UtcTicks}");
        return (replies.Count, true);
    }

    /// <summary>
    /// Inserts at once unless a message with the same <paramref name="dedupKey"/> exists; true when inserted.
    /// This is what makes a reminder or a leader post happen at most once, whoever fires it how often.
    /// </summary>
    public static async Task<bool> TryEnqueueAsync(YouthMonthDb db, Channel channel, string chatId,
        OutgoingMessage message, string dedupKey, DateTimeOffset now, CancellationToken ct = default)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO outbox (channel, chat_id, payload, dedup_key, created_at, not_before, state, attempts)
            VALUES ({channel.ToString()}, {chatId}, CAST({MessageJson.Serialize(message)} AS jsonb), {dedupKey},
                    {now}, {now}, {nameof(OutboxState.Pending)}, 0)
            ON CONFLICT (dedup_key) DO NOTHING
            """, ct);
        return rows == 1;
    }
}
