namespace YouthMonth.Core.Messaging;

public enum ChatBindingAction { Bound, Unbound }

/// <summary>
/// One change of what a chat speaks for: bound by the bot (invite code, own phone) or unbound by the office.
/// Names are copied in, and there are no foreign keys, so the trail still reads after a contact is deleted.
/// </summary>
public class ChatBindingAudit
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public ChatBindingAction Action { get; set; }
    public int ChatAccountId { get; set; }
    public Channel Channel { get; set; }
    public required string ChatId { get; set; }
    public string? DisplayName { get; set; }
    public int? ContactId { get; set; }
    public int? LeaderChatId { get; set; }
    /// <summary>"Nguyễn Thị Lan — Chi đoàn A" or the leader chat's name, as it was then.</summary>
    public string? Subject { get; set; }
    /// <summary>"bot: mã mời", "bot: số điện thoại", or "admin:" and the API key or office account name.</summary>
    public required string Actor { get; set; }
    public string? Reason { get; set; }
}
