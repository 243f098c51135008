using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels;

/// <summary>What a platform update means for the Bot, decided by the channel's mapper.</summary>
public abstract record InboundUpdate
{
    /// <summary>A message for the dialogs, stored in the inbox under <paramref name="UpdateKey"/>.</summary>
    public sealed record Message(string UpdateKey, IncomingMessage Incoming) : InboundUpdate;
    /// <summary>Telegram upgraded a group to a supergroup: the chat now has a new id.</summary>
    public sealed record ChatMigrated(string OldChatId, string NewChatId) : InboundUpdate;
    /// <summary>The user blocked the bot (Telegram my_chat_member "kicked" in a private chat).</summary>
    public sealed record ChatBlocked(string ChatId) : InboundUpdate;
    /// <summary>Nothing for us (other kinds, edits, service messages, commands for another bot).</summary>
    public sealed record Ignored(string Reason) : InboundUpdate;
}

/// <summary>A body that is not a readable update (answered 400 and logged).</summary>
public sealed class MalformedUpdateException(string message) : Exception(message);
