namespace YouthMonth.Core.Messaging;

public enum OutboxState { Pending, Sent, Failed }

/// <summary>
/// A message to send, written in the same transaction as the change that caused it. <see cref="DedupKey"/>
/// is unique where a message must never repeat (a reminder to one contact for one deadline, a post to a
/// leader chat); the sender marks a row sent and never sends it again.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public required string ChatId { get; set; }
    /// <summary>The <see cref="OutgoingMessage"/> as JSON.</summary>
    public required string Payload { get; set; }
    public string? DedupKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not before this moment (pacing, retry_after, backoff).</summary>
    public DateTimeOffset NotBefore { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The platform's id of the sent message (for later edits).</summary>
    public string? ExternalMessageId { get; set; }
}
