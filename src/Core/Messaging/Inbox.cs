using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Messaging;

/// <summary>Stores inbound updates durably; a redelivered update (same channel and key) is recognised and dropped.</summary>
public sealed class Inbox(YouthMonthDb db, TimeProvider clock)
{
    /// <summary>Column limits of inbox.update_key and inbox.chat_id.</summary>
    public const int UpdateKeyLimit = 200, ChatIdLimit = 64;

    /// <summary>
    /// Stores the message; false when this update was already stored (a redelivery), or when its chat id is longer
    /// than any platform's (hostile input: there is no chat to answer).
    /// </summary>
    public async Task<bool> StoreAsync(string updateKey, IncomingMessage message, CancellationToken ct = default)
    {
        if (Prepare(updateKey, message, clock.GetUtcNow()) is not { } row) return false;
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox (channel, update_key, chat_id, payload, received_at, attempts)
            VALUES ({row.Channel}, {row.UpdateKey}, {row.ChatId}, CAST({row.Payload} AS jsonb), {row.ReceivedAt}, 0)
            ON CONFLICT (channel, update_key) DO NOTHING
            """, ct);
        return rows == 1;
    }

    /// <summary>An inbox row's values as stored: scrubbed text, a hashed over-long key, jsonb-safe payload.</summary>
    public sealed record Row(string Channel, string UpdateKey, string ChatId, string Payload, DateTimeOffset ReceivedAt);

    /// <summary>The row to insert, or null when the chat id is unusable (hostile input: there is no chat to answer).</summary>
    public static Row? Prepare(string updateKey, IncomingMessage message, DateTimeOffset receivedAt)
    {
        if (message.ChatId.Length > ChatIdLimit || message.ChatId.Length == 0) return null;
        return new Row(message.Channel.ToString(), Key(updateKey), StoredText.Scrub(message.ChatId)!, Payload(message), receivedAt);
    }

    /// <summary>A key over the column's length is replaced by its hash: still unique, so redeliveries still stop here.</summary>
    private static string Key(string updateKey)
    {
        updateKey = StoredText.Scrub(updateKey)!;
        return updateKey.Length <= UpdateKeyLimit ? updateKey
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(updateKey)));
    }

    /// <summary>
    /// The message as JSON that jsonb accepts (a last line behind the channel mappers). The serializer writes U+0000
    /// and lone surrogates as \u escapes, which PostgreSQL refuses (22P05); those escapes are dropped or replaced
    /// by U+FFFD here, on the text, because such a string cannot even be read back as a .NET string.
    /// </summary>
    private static string Payload(IncomingMessage message)
    {
        var json = MessageJson.Serialize(message);
        if (!json.Contains("\\u", StringComparison.Ordinal)) return json;
        var sb = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length) { sb.Append(json[i]); continue; }
            if (json[i + 1] != 'u' || Escape(json, i) is not { } code) { sb.Append(json, i, 2); i++; continue; }
            if (code == 0) { i += 5; continue; }
            if (char.IsHighSurrogate((char)code) && Escape(json, i + 6) is { } low && char.IsLowSurrogate((char)low))
            {
                sb.Append(json, i, 12);
                i += 11;
                continue;
            }
            if (char.IsSurrogate((char)code)) sb.Append("\\uFFFD");
            else sb.Append(json, i, 6);
            i += 5;
        }
        return sb.ToString();
    }

    private static int? Escape(string json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
        && int.TryParse(json.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
            ? code : null;
}
