namespace YouthMonth.Core.Messaging;

/// <summary>A row of send_pacing: one budget (a token's global rate, or one chat) shared by every Bot instance.</summary>
public class SendPacing
{
    public required string Key { get; set; }
    /// <summary>Not before this moment (the next global slot, or the chat's next allowed send).</summary>
    public DateTimeOffset NextAt { get; set; }
    /// <summary>A group chat's last sends (as many as its per-minute budget), oldest first; null for other chats.</summary>
    public DateTimeOffset[]? Recent { get; set; }
}
