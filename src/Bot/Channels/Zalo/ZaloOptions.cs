using System.ComponentModel.DataAnnotations;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>Configuration section "Zalo" (Zalo Bot Platform; see docs/channels.md).</summary>
public sealed class ZaloOptions : IValidatableObject
{
    public const string Section = "Zalo";

    public string? Token { get; set; }
    public ChannelMode Mode { get; set; } = ChannelMode.Polling;
    /// <summary>Some bots answer only on the second host (https://bot-api.zapps.me).</summary>
    public string ApiBaseUrl { get; set; } = "https://bot-api.zaloplatforms.com";
    /// <summary>The public HTTPS URL of POST /zalo/webhook; when set the Bot registers it at start-up.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>Sent by Zalo as X-Bot-Api-Secret-Token (8-256 characters).</summary>
    public string? WebhookSecret { get; set; }
    public bool RequireWebhookSecret { get; set; } = true;
    [Range(1, 60)] public int PollTimeoutSeconds { get; set; } = 30;
    [Range(0, 60_000)] public int EmptyPollDelayMs { get; set; } = 300;
    /// <summary>Zalo publishes no limits; a conservative global pace.</summary>
    [Range(0.1, 1000)] public double MessagesPerSecond { get; set; } = 10;
    [Range(0, 60_000)] public int PerChatIntervalMs { get; set; } = 1000;
    public long MaxDownloadBytes { get; set; } = 20 * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token) && Mode != ChannelMode.Off;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("Zalo:ApiBaseUrl must be an absolute URL.", [nameof(ApiBaseUrl)]);
        if (!Enabled || Mode != ChannelMode.Webhook) yield break;
        if (RequireWebhookSecret && string.IsNullOrEmpty(WebhookSecret))
            yield return new ValidationResult("Zalo:WebhookSecret is required in webhook mode.", [nameof(WebhookSecret)]);
        if (!string.IsNullOrEmpty(WebhookSecret) && WebhookSecret.Length is < 8 or > 256)
            yield return new ValidationResult("Zalo:WebhookSecret must be 8-256 characters.", [nameof(WebhookSecret)]);
    }
}
