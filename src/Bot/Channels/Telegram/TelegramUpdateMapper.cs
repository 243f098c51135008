using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using YouthMonth.Core.Messaging;
using TgChatType = Telegram.Bot.Types.Enums.ChatType;
using ChatType = YouthMonth.Core.Messaging.ChatType;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>Maps a Telegram Update (webhook body or getUpdates item) to what the Bot does with it.</summary>
public static class TelegramUpdateMapper
{
    /// <summary>Names and ids are short on Telegram (names ≤ 64); anything longer is cut, not refused.</summary>
    private const int NameLimit = 256;
    private const int IdLimit = 256;

    /// <summary>A webhook body read with Telegram.Bot's own JSON settings (never the host's, which stay camelCase).</summary>
    public static Update Parse(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(raw, JsonBotAPI.Options)
                ?? throw new MalformedUpdateException("Telegram update is null");
        }
        catch (Exception e) when (e is not MalformedUpdateException)
        {
            // Reading a string does no I/O, so every failure is the body's fault: JsonException, ArgumentOutOfRange for
            // a `date` beyond DateTime's range, InvalidOperation for lone surrogates, and KeyNotFound from the library's
            // polymorphic converter when a chat member has no "status" (the hostile-input corpus found that one).
            throw new MalformedUpdateException($"Telegram update is not readable: {e.Message}");
        }
    }

    public static InboundUpdate Map(string raw, string? botUsername) => Map(Parse(raw), botUsername);

    public static InboundUpdate Map(Update update, string? botUsername)
    {
        try
        {
            return MapUpdate(update, botUsername);
        }
        catch (Exception e) when (e is not MalformedUpdateException)
        {
            // A shape the typed model allows but the mapping did not expect (nulls inside arrays and the like) must
            // neither earn a 5xx (Telegram would redeliver it for hours) nor stop the poller's offset: it is malformed.
            throw new MalformedUpdateException($"Telegram update {update.Id} could not be mapped: {e.GetType().Name}: {e.Message}");
        }
    }

    private static InboundUpdate MapUpdate(Update update, string? botUsername)
    {
        if (update.Id <= 0) throw new MalformedUpdateException("Telegram update without an update_id");
        var key = update.Id.ToString();
        return update switch
        {
            { Message: { Chat: null } } => throw new MalformedUpdateException($"Telegram update {key} has a message without a chat"),
            { Message: { MigrateToChatId: { } newId } m } => new InboundUpdate.ChatMigrated(m.Chat.Id.ToString(), newId.ToString()),
            { Message: { } m } => MapMessage(key, m, botUsername),
            { CallbackQuery: { From: null } } => throw new MalformedUpdateException($"Telegram callback {key} without a sender"),
            { CallbackQuery: { } q } => MapCallback(key, q),
            { MyChatMember: { Chat: { Type: TgChatType.Private } chat, NewChatMember.Status: ChatMemberStatus.Kicked } } =>
                new InboundUpdate.ChatBlocked(chat.Id.ToString()),
            { MyChatMember: not null } => new InboundUpdate.Ignored("membership change"),
            _ => new InboundUpdate.Ignored("update kind not used"),
        };
    }

    private static InboundUpdate MapMessage(string key, Message m, string? botUsername)
    {
        var text = InboundText.Safe(m.Text);
        var caption = InboundText.Safe(m.Caption);
        var photos = new List<IncomingPhoto>();
        // A JSON null inside the array deserialises to a null element.
        if (m.Photo?.Where(s => s is not null).ToArray() is { Length: > 0 } sizes)
        {
            // The largest by area; Telegram usually lists it last, but does not promise that.
            var largest = sizes.MaxBy(s => (long)s.Width * s.Height)!;
            photos.Add(new IncomingPhoto
            {
                FileId = InboundText.Safe(largest.FileId, IdLimit),
                FileUniqueId = InboundText.Safe(largest.FileUniqueId, IdLimit),
                Width = largest.Width,
                Height = largest.Height,
                FileSize = largest.FileSize,
            });
        }
        else if (m.Document is { MimeType: { } mime } doc && mime.StartsWith("image/", StringComparison.Ordinal))
        {
            // An image sent "as file" keeps its full resolution; treat it as a photo.
            photos.Add(new IncomingPhoto
            {
                FileId = InboundText.Safe(doc.FileId, IdLimit),
                FileUniqueId = InboundText.Safe(doc.FileUniqueId, IdLimit),
                FileSize = doc.FileSize,
                FileName = InboundText.Safe(doc.FileName, NameLimit),
            });
        }

        // The card's own user_id travels with it: registration accepts only a card whose user_id is the sender's.
        var contact = m.Contact is { } c
            ? new SharedContact(InboundText.Safe(c.PhoneNumber, 64) ?? "", c.UserId?.ToString(), InboundText.Safe(c.FirstName, NameLimit))
            : null;

        var unreadable = m is { Sticker: not null } or { Voice: not null } or { Video: not null } or { VideoNote: not null }
            or { Audio: not null } or { Animation: not null } or { Location: not null } or { Venue: not null } or { Poll: not null } or { Dice: not null };
        var unsupported = photos.Count == 0 && contact is null && text is null && unreadable;
        if (text is null && caption is null && photos.Count == 0 && contact is null && !unsupported)
            return new InboundUpdate.Ignored("service message");

        string? command = null, args = null;
        if (CommandText.TryParse(text, botUsername, out var cmd, out var cmdArgs, out var forOtherBot))
        {
            if (forOtherBot) return new InboundUpdate.Ignored("command for another bot");
            command = cmd;
            args = cmdArgs;
        }

        return new InboundUpdate.Message(key, new IncomingMessage
        {
            Channel = Channel.Telegram,
            ChatId = m.Chat.Id.ToString(),
            ChatType = ChatTypeOf(m.Chat),
            UserId = m.From?.Id.ToString(),
            UserName = m.From is { } from ? Name(from) : InboundText.Safe(m.Chat.Title, NameLimit),
            MessageId = m.Id.ToString(),
            SentAt = SentAt(m.Date),
            Text = text ?? caption,
            Command = command,
            CommandArgs = args,
            Contact = contact,
            Photos = photos,
            MediaGroupId = InboundText.Safe(m.MediaGroupId, IdLimit),
            Unsupported = unsupported,
        });
    }

    private static InboundUpdate MapCallback(string key, CallbackQuery q)
    {
        var chat = q.Message?.Chat;
        return new InboundUpdate.Message(key, new IncomingMessage
        {
            Channel = Channel.Telegram,
            ChatId = (chat?.Id ?? q.From.Id).ToString(),
            ChatType = chat is null ? ChatType.Private : ChatTypeOf(chat),
            UserId = q.From.Id.ToString(),
            UserName = Name(q.From),
            MessageId = q.Message?.Id.ToString(),
            CallbackData = InboundText.Safe(q.Data, IdLimit) ?? "",
            CallbackQueryId = InboundText.Safe(q.Id, IdLimit),
        });
    }

    private static ChatType ChatTypeOf(Chat chat) => chat.Type == TgChatType.Private ? ChatType.Private : ChatType.Group;

    /// <summary>A date outside what PostgreSQL and the clock can hold is treated as unknown.</summary>
    private static DateTimeOffset SentAt(DateTime date) =>
        date.Year is < 2000 or > 9000 ? default : new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc));

    private static string Name(User user) =>
        InboundText.Safe(string.Join(' ', new[] { user.FirstName, user.LastName }.Where(s => !string.IsNullOrEmpty(s))), NameLimit) is { Length: > 0 } name
            ? name : InboundText.Safe(user.Username, NameLimit) ?? user.Id.ToString();
}
