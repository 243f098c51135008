using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>Configuration section "Telegram" (see docs/channels.md).</summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>Bot token from BotFather. Empty: the channel is off.</summary>
    public string? Token { get; set; }
    public ChannelMode Mode { get; set; } = ChannelMode.Polling;
    /// <summary>Also where files are downloaded from ({ApiBaseUrl}/file/bot{token}/{path}), as Telegram.Bot does it.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
    /// <summary>The public HTTPS URL of POST /telegram/webhook; when set the Bot registers it at start-up.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>Sent by Telegram as X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -).</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Only the emulator tests turn this off: the emulator sends no secret header.</summary>
    public bool RequireWebhookSecret { get; set; } = true;
    /// <summary>Our @username for "/cmd@botname" in groups; read from getMe when empty.</summary>
    public string? BotUsername { get; set; }
    [Range(0, 50)] public int PollTimeoutSeconds { get; set; } = 25;
    /// <summary>Pause after an empty poll (the emulator answers at once instead of long-polling).</summary>
    [Range(0, 60_000)] public int EmptyPollDelayMs { get; set; } = 300;
    [Range(1, 1000)] public double MessagesPerSecond { get; set; } = 28;
    [Range(0, 60_000)] public int PerChatIntervalMs { get; set; } = 1000;
    [Range(1, 1000)] public int GroupMessagesPerMinute { get; set; } = 20;
    /// <summary>Largest file the Bot API lets a bot download.</summary>
    public long MaxDownloadBytes { get; set; } = 20 * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token) && Mode != ChannelMode.Off;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("Telegram:ApiBaseUrl must be an absolute URL.", [nameof(ApiBaseUrl)]);
        if (!Enabled || Mode != ChannelMode.Webhook) yield break;
        if (RequireWebhookSecret && string.IsNullOrEmpty(WebhookSecret))
            yield return new ValidationResult("Telegram:WebhookSecret is required in webhook mode.", [nameof(WebhookSecret)]);
        if (!string.IsNullOrEmpty(WebhookSecret) && !SecretPattern().IsMatch(WebhookSecret))
            yield return new ValidationResult("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -.", [nameof(WebhookSecret)]);
    }
}
