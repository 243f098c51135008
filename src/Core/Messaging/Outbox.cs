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
