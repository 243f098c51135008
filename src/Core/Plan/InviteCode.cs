namespace YouthMonth.Core.Plan;

/// <summary>
/// A single-use, expiring code that binds a chat account to a contact (or a group chat to a leader chat).
/// Codes are [A-Za-z0-9_-] and at most 64 characters so they fit a Telegram deep-link payload.
/// </summary>
public class InviteCode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public int? LeaderChatId { get; set; }
    public LeaderChat? LeaderChat { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
