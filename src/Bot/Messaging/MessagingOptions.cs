using System.ComponentModel.DataAnnotations;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Messaging;

/// <summary>Configuration section "Messaging": how many workers handle the inbox and send the outbox.</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary>Parallel inbox workers in this host (0 stores updates but handles none: only for tests and maintenance).</summary>
    [Range(0, 64)] public int InboxWorkers { get; set; } = 2;
    /// <summary>How often an idle worker looks for work another Bot instance stored (new work here wakes it at once).</summary>
    [Range(10, 60_000)] public int InboxPollIntervalMs { get; set; } = 1000;
    /// <summary>Parallel senders per channel (0 = this host sends nothing).</summary>
    [Range(0, 64)] public int OutboxWorkers { get; set; } = 4;
    [Range(10, 60_000)] public int OutboxPollIntervalMs { get; set; } = 500;
    /// <summary>Network errors and 5xx are retried with backoff this many times before a message is marked Failed.</summary>
    [Range(1, 100)] public int MaxSendAttempts { get; set; } = 8;
    /// <summary>
    /// Seconds to wait before each new try of an inbox message after a passing failure (network, 5xx, timeout,
    /// database); after the last one the message is dead-lettered. Comma-separated, e.g. "1,5,30,120,600".
    /// </summary>
    public string InboxRetryDelaysSeconds { get; set; } = InboxRetryPolicy.DefaultDelaysSeconds;
    /// <summary>Handled inbox and outbox rows older than this are deleted once a day (dead letters are kept).</summary>
    [Range(1, 3650)] public int PurgeAfterDays { get; set; } = 90;

    public InboxRetryPolicy InboxRetry => InboxRetryPolicy.Parse(InboxRetryDelaysSeconds) ?? InboxRetryPolicy.Default;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InboxRetryPolicy.Parse(InboxRetryDelaysSeconds) is null)
            yield return new ValidationResult(
                "Messaging:InboxRetryDelaysSeconds must be 1 to 20 comma-separated whole seconds (0-86400), e.g. \"1,5,30,120,600\".",
                [nameof(InboxRetryDelaysSeconds)]);
    }
}

/// <summary>Configuration section "Photos".</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Folder for stored photos (content-addressed: ab/abcdef….jpg).</summary>
    [Required] public string Root { get; set; } = "data/photos";
    [Range(1024, 50L * 1024 * 1024)] public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Public base URL of this Bot host, so Zalo can fetch stored photos at {base}/photos/{sha256}.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Configuration section "Local": the built-in web chat at /chat.</summary>
public sealed class LocalChatOptions
{
    public const string Section = "Local";

    /// <summary>
    /// Anyone who can reach /chat can speak as any chat id, contact or leader chat, so it is off unless set to
    /// true explicitly (scripts/run.sh does, for the demo). Having no Telegram or Zalo token never turns it on.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Required (header X-Local-Key, or the page asks for it) from any caller that is not this machine, and from
    /// requests that came through a proxy; without a key such callers get 403.
    /// </summary>
    public string? Key { get; set; }
}
