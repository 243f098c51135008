using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>Stores inbound updates durably; a redelivered update (same channel and key) is recognised and dropped.</summary>
public sealed class Inbox(YouthMonthDb db, TimeProvider clock)
{
    /// <summary>Stores the message; false when this update was already stored (a redelivery).</summary>
    public async Task<bool> StoreAsync(string updateKey, IncomingMessage message, CancellationToken ct = default)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox (channel, update_key, chat_id, payload, received_at, attempts)
            VALUES ({message.Channel.ToString()}, {updateKey}, {message.ChatId},
                    CAST({MessageJson.Serialize(message)} AS jsonb), {clock.GetUtcNow()}, 0)
            ON CONFLICT (channel, update_key) DO NOTHING
            """, ct);
        return rows == 1;
    }
}
