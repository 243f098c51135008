using System.Text.Json;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Text;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>Maps a Telegram Update (webhook body or getUpdates item) to what the Bot does with it.</summary>
public static class TelegramUpdateMapper
{
    private static readonly string[] UnreadableKinds = ["sticker", "voice", "video", "video_note", "audio", "animation", "location", "venue", "poll", "dice"];

    public static InboundUpdate Map(JsonElement update, string? botUsername)
    {
        if (update.ValueKind != JsonValueKind.Object || !update.TryGetProperty("update_id", out var id) || !id.TryGetInt64(out var updateId))
            throw new MalformedUpdateException("Telegram update without a numeric update_id");
        var key = updateId.ToString();
        try
        {
            if (update.TryGetProperty("message", out var message)) return MapMessage(key, message, botUsername);
            if (update.TryGetProperty("callback_query", out var callback)) return MapCallback(key, callback);
            if (update.TryGetProperty("my_chat_member", out var member)) return MapMembership(member);
            return new InboundUpdate.Ignored("update kind not used");
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new MalformedUpdateException($"Telegram update {key} is missing required fields: {e.Message}");
        }
    }

    private static InboundUpdate MapMessage(string key, JsonElement m, string? botUsername)
    {
        var chat = m.GetProperty("chat");
        var chatId = chat.GetProperty("id").GetInt64().ToString();
        if (m.TryGetProperty("migrate_to_chat_id", out var migrateTo))
            return new InboundUpdate.ChatMigrated(chatId, migrateTo.GetInt64().ToString());

        var text = VietnameseText.Clean(Str(m, "text"));
        var caption = VietnameseText.Clean(Str(m, "caption"));
        var photos = new List<IncomingPhoto>();
        if (m.TryGetProperty("photo", out var sizes) && sizes.ValueKind == JsonValueKind.Array && sizes.GetArrayLength() > 0)
        {
            // The largest by area; Telegram usually lists it last, but does not promise that.
            var largest = sizes.EnumerateArray().MaxBy(s => (long)Int(s, "width") * Int(s, "height"));
            photos.Add(new IncomingPhoto
            {
                FileId = largest.GetProperty("file_id").GetString(),
                FileUniqueId = Str(largest, "file_unique_id"),
                Width = Int(largest, "width"),
                Height = Int(largest, "height"),
                FileSize = Long(largest, "file_size"),
            });
        }
        else if (m.TryGetProperty("document", out var doc) && (Str(doc, "mime_type") ?? "").StartsWith("image/", StringComparison.Ordinal))
        {
            // An image sent "as file" keeps its full resolution; treat it as a photo.
            photos.Add(new IncomingPhoto
            {
                FileId = doc.GetProperty("file_id").GetString(),
                FileUniqueId = Str(doc, "file_unique_id"),
                FileSize = Long(doc, "file_size"),
            });
        }

        SharedContact? contact = null;
        if (m.TryGetProperty("contact", out var c))
            contact = new SharedContact(c.GetProperty("phone_number").GetString()!,
                c.TryGetProperty("user_id", out var uid) ? uid.GetInt64().ToString() : null, Str(c, "first_name"));

        var unsupported = photos.Count == 0 && contact is null && text is null && UnreadableKinds.Any(k => m.TryGetProperty(k, out _));
        if (text is null && caption is null && photos.Count == 0 && contact is null && !unsupported)
            return new InboundUpdate.Ignored("service message");

        string? command = null, args = null;
        if (CommandText.TryParse(text, botUsername, out var cmd, out var cmdArgs, out var forOtherBot))
        {
            if (forOtherBot) return new InboundUpdate.Ignored("command for another bot");
            command = cmd;
            args = cmdArgs;
        }

        var from = m.TryGetProperty("from", out var f) ? f : default;
        return new InboundUpdate.Message(key, new IncomingMessage
        {
            Channel = Channel.Telegram,
            ChatId = chatId,
            ChatType = Str(chat, "type") == "private" ? ChatType.Private : ChatType.Group,
            UserId = from.ValueKind == JsonValueKind.Object ? from.GetProperty("id").GetInt64().ToString() : null,
            UserName = from.ValueKind == JsonValueKind.Object ? Name(from) : Str(chat, "title"),
            MessageId = m.TryGetProperty("message_id", out var mid) ? mid.ToString() : null,
            SentAt = m.TryGetProperty("date", out var date) && date.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : default,
            Text = text ?? caption,
            Command = command,
            CommandArgs = args,
            Contact = contact,
            Photos = photos,
            MediaGroupId = Str(m, "media_group_id"),
            Unsupported = unsupported,
        });
    }

    private static InboundUpdate MapCallback(string key, JsonElement q)
    {
        var from = q.GetProperty("from");
        var message = q.TryGetProperty("message", out var msg) && msg.ValueKind == JsonValueKind.Object ? msg : default;
        var chat = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("chat", out var ch) ? ch : default;
        var chatId = chat.ValueKind == JsonValueKind.Object ? chat.GetProperty("id").GetInt64().ToString() : from.GetProperty("id").GetInt64().ToString();
        return new InboundUpdate.Message(key, new IncomingMessage
        {
            Channel = Channel.Telegram,
            ChatId = chatId,
            ChatType = chat.ValueKind != JsonValueKind.Object || Str(chat, "type") == "private" ? ChatType.Private : ChatType.Group,
            UserId = from.GetProperty("id").GetInt64().ToString(),
            UserName = Name(from),
            MessageId = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("message_id", out var mid) ? mid.ToString() : null,
            CallbackData = Str(q, "data") ?? "",
            CallbackQueryId = q.GetProperty("id").ToString(),
        });
    }

    private static InboundUpdate MapMembership(JsonElement member)
    {
        var chat = member.GetProperty("chat");
        var status = member.TryGetProperty("new_chat_member", out var n) ? Str(n, "status") : null;
        return Str(chat, "type") == "private" && status == "kicked"
            ? new InboundUpdate.ChatBlocked(chat.GetProperty("id").GetInt64().ToString())
            : new InboundUpdate.Ignored("membership change");
    }

    private static string Name(JsonElement user) =>
        string.Join(' ', new[] { Str(user, "first_name"), Str(user, "last_name") }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } name
            ? name : Str(user, "username") ?? user.GetProperty("id").ToString();

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : 0;

    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var i) ? i : null;
}
