namespace YouthMonth.Core.Messaging;

/// <summary>
/// A chat the bot knows on one channel. A private chat bound to a contact reports for the contact's unit;
/// a group chat bound to a leader chat may ask for summaries. Unique per (channel, chat id).
/// </summary>
public class ChatAccount
{
    public int Id { get; set; }
    public Channel Channel { get; set; }
    /// <summary>The platform's chat id as a string (Telegram ids are int64, Zalo ids are strings).</summary>
    public required string ChatId { get; set; }
    public ChatType ChatType { get; set; }
    public string? UserId { get; set; }
    public string? DisplayName { get; set; }
    public int? ContactId { get; set; }
    public Plan.Contact? Contact { get; set; }
    public int? LeaderChatId { get; set; }
    public Plan.LeaderChat? LeaderChat { get; set; }
    /// <summary>Phone shared through Telegram's contact button (own number only).</summary>
    public string? SharedPhone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    /// <summary>Set when the platform says the bot cannot write here (blocked, never started, kicked).</summary>
    public DateTimeOffset? UnreachableSince { get; set; }
    public string? UnreachableReason { get; set; }
    /// <summary>
    /// The choices last shown as a numbered list (Zalo, local chat) as JSON rows of <see cref="Choice"/>, so
    /// that a reply "2" or the typed label becomes the same CallbackData a Telegram button press gives.
    /// Written by the sender when it delivers a message; null after a message without choices.
    /// </summary>
    public string? LastChoices { get; set; }
    /// <summary>Wrong invite codes since <see cref="CodeFailuresSince"/>; past the limit codes are not even looked up.</summary>
    public int CodeFailures { get; set; }
    public DateTimeOffset? CodeFailuresSince { get; set; }
}
