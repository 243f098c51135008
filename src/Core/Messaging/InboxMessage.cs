namespace YouthMonth.Core.Messaging;

/// <summary>
/// Every inbound update, stored before the webhook answers 200. Unique per (channel, update key), so a
/// redelivered update stops here. Handled one chat at a time, in id order.
/// </summary>
public class InboxMessage
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    /// <summary>Telegram update_id, Zalo event_name + message_id, local: a client-generated id.</summary>
    public required string UpdateKey { get; set; }
    public required string ChatId { get; set; }
    /// <summary>The <see cref="IncomingMessage"/> as JSON.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>After a passing failure (network, 5xx, timeout, database) the next try is not before this moment.</summary>
    public DateTimeOffset? NotBefore { get; set; }
    /// <summary>Set when the message failed for good (also <see cref="ProcessedAt"/>, so the chat moves on); see DeadLetters.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
}
