using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels;

/// <summary>
/// A failed Telegram or Zalo call, already classified for the sender. Messages never contain the bot token.
/// </summary>
public sealed class ChatApiException(
    Channel channel, string method, int? errorCode, string description,
    TimeSpan? retryAfter = null, string? migrateToChatId = null, Exception? inner = null)
    : Exception($"{channel} {method} failed: {(errorCode is null ? "" : errorCode + " ")}{description}", inner), IClassifiedFault
{
    public Channel Channel { get; } = channel;
    public string Method { get; } = method;
    /// <summary>The platform's error code (usually the HTTP status); null for network errors and timeouts.</summary>
    public int? ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string? MigrateToChatId { get; } = migrateToChatId;

    public bool IsRateLimited => ErrorCode == 429;
    /// <summary>Network errors, timeouts and 5xx (except 501, a method the server does not have): worth another try later.</summary>
    public bool IsTransient => ErrorCode is null or (>= 500 and not 501);
    /// <summary>For the inbox (e.g. a photo download): a rate limit passes too.</summary>
    bool IClassifiedFault.IsTransient => IsTransient || IsRateLimited;
    /// <summary>
    /// The bot cannot write to this chat: 403 (blocked, never started, kicked) or Telegram's 400 "chat not found" (a
    /// deleted group, an id that never talked to the bot). Retrying cannot help; the office sees the chat as unreachable.
    /// </summary>
    public bool IsUnreachable => ErrorCode == 403
        || (ErrorCode == 400 && Description.Contains("chat not found", StringComparison.OrdinalIgnoreCase));
    public bool IsNotModified => ErrorCode == 400 && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
}

internal static class TokenRedaction
{
    /// <summary>Replaces the token wherever it appears (URLs in exception texts, descriptions).</summary>
    public static string Redact(this string text, string? token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "<token>", StringComparison.Ordinal);
}
