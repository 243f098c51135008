using System.Text.Json;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Text;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>
/// Maps a Zalo event to what the Bot does with it. Accepts the documented wrapped body {ok, result:{event…}} and
/// the unwrapped {event_name, message} that Zalo is reported to post in practice; getUpdates returns the same event.
/// </summary>
public static class ZaloUpdateMapper
{
    public static InboundUpdate Map(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new MalformedUpdateException("Zalo body is not a JSON object");
        var ev = body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                 && body.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
            ? result : body;

        var eventName = Str(ev, "event_name") ?? throw new MalformedUpdateException("Zalo event without event_name");
        if (!ev.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.Object)
            throw new MalformedUpdateException($"Zalo event {eventName} without message");
        var messageId = Str(m, "message_id") ?? throw new MalformedUpdateException($"Zalo event {eventName} without message_id");
        if (!m.TryGetProperty("chat", out var chat) || Str(chat, "id") is not { Length: > 0 } chatId)
            throw new MalformedUpdateException($"Zalo event {eventName} without chat.id");
        // Zalo ids are short; a longer one is not a chat we could ever answer (answered 200 so it is not redelivered).
        if (chatId.Length > Inbox.ChatIdLimit) return new InboundUpdate.Ignored($"chat.id of {chatId.Length} characters");

        var text = VietnameseText.Clean(Str(m, "text"));
        var caption = VietnameseText.Clean(Str(m, "caption"));
        var photos = new List<IncomingPhoto>();
        var unsupported = false;
        switch (eventName)
        {
            case "message.text.received":
                break;
            case "message.image.received":
                // Real events carry photo_url; the docs name it photo; some SDKs use url.
                var url = Str(m, "photo_url") ?? Str(m, "photo") ?? Str(m, "url");
                if (url is not null) photos.Add(new IncomingPhoto { Url = url });
                break;
            case "message.sticker.received" or "message.voice.received" or "message.unsupported.received":
                unsupported = true;
                break;
            default:
                return new InboundUpdate.Ignored($"event {eventName} not used");
        }

        string? command = null, args = null;
        if (CommandText.TryParse(text, null, out var cmd, out var cmdArgs, out _))
        {
            command = cmd;
            args = cmdArgs;
        }
        var from = m.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        return new InboundUpdate.Message($"{eventName}:{messageId}", new IncomingMessage
        {
            Channel = Channel.Zalo,
            ChatId = chatId,
            ChatType = string.Equals(Str(chat, "chat_type"), "GROUP", StringComparison.OrdinalIgnoreCase) ? ChatType.Group : ChatType.Private,
            UserId = from.ValueKind == JsonValueKind.Object ? Str(from, "id") : null,
            UserName = from.ValueKind == JsonValueKind.Object ? Str(from, "display_name") ?? Str(from, "name") : null,
            MessageId = messageId,
            SentAt = SentAt(m),
            Text = text ?? caption,
            Command = command,
            CommandArgs = args,
            Photos = photos,
            Unsupported = unsupported,
        });
    }

    /// <summary>An escaped lone surrogate ("\ud800") cannot become a .NET string; keep its escaped form instead.</summary>
    private static string ReadString(JsonElement v)
    {
        try { return v.GetString()!; }
        catch (InvalidOperationException) { return v.GetRawText()[1..^1]; }
    }

    /// <summary>Milliseconds since 1970; anything else (a string, ±1e18, a fraction) is treated as absent.</summary>
    private static DateTimeOffset SentAt(JsonElement m) =>
        m.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.Number && date.TryGetInt64(out var ms)
        && ms >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : default;

    /// <summary>A string or number field of an object (wrong types read as absent), made storable (no NUL, no lone surrogate).</summary>
    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => StoredText.Scrub(ReadString(v)),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
