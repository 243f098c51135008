using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Bot.Messaging;

/// <summary>One outbox message on its way out through one channel.</summary>
public sealed record OutboundDelivery(long OutboxId, string ChatId, ChatType ChatType, OutgoingMessage Message, YouthMonthDb Db)
{
    /// <summary>Waits for a global send slot before each further part (long texts, photo + text).</summary>
    public required Func<CancellationToken, Task> NextPart { get; init; }
}

/// <summary>Renders and sends outbox messages on one channel; throws <see cref="Channels.ChatApiException"/> on failure.</summary>
public interface IChannelSender
{
    Channel Channel { get; }
    bool Enabled { get; }
    /// <summary>This channel's send limits (shared by every Bot instance through <see cref="SendPacer"/>); null: not paced.</summary>
    PacingLimits? Pacing { get; }
    /// <summary>True when choices are shown as a numbered list (remembered in ChatAccount.LastChoices).</summary>
    bool NumbersChoices { get; }
    /// <summary>Sends; returns the platform id of the (last) message sent.</summary>
    Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken ct);
    /// <summary>Backoff after a 429 without retry_after (Zalo) for the given attempt.</summary>
    TimeSpan RateLimitBackoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
}
