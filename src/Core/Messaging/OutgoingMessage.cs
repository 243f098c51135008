namespace YouthMonth.Core.Messaging;

/// <summary>A choice offered to the user: buttons on Telegram, a numbered list on Zalo and the local chat.</summary>
public sealed record Choice(string Key, string Label);

/// <summary>What a dialog or job wants to say to one chat; the outbox turns it into platform calls.</summary>
public sealed record OutgoingMessage
{
    public required string Text { get; init; }
    /// <summary>Rows of choices. Keys are short ASCII (fit Telegram's 64-byte callback_data).</summary>
    public IReadOnlyList<IReadOnlyList<Choice>> Choices { get; init; } = [];
    /// <summary>Ask for the user's phone number (Telegram private chats only).</summary>
    public bool RequestContact { get; init; }
    /// <summary>A stored photo to send with <see cref="Text"/> as caption.</summary>
    public int? PhotoId { get; init; }
}
