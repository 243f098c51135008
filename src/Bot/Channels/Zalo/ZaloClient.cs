using System.Text.Json;
using Microsoft.Extensions.Options;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>The Zalo Bot Platform methods the product uses (all POST with JSON; method names case-sensitive).</summary>
public sealed class ZaloClient
{
    public const int TextLimit = 2000;
    private readonly BotApiTransport _api;

    public ZaloClient(HttpClient http, IOptionsMonitor<ZaloOptions> options) =>
        _api = new BotApiTransport(http, Channel.Zalo, () => options.CurrentValue.Token, () => options.CurrentValue.ApiBaseUrl);

    public async Task<(string Id, string? AccountName)> GetMeAsync(CancellationToken ct)
    {
        var me = await _api.CallAsync("getMe", new { }, ct, retry: false);
        return (me.GetProperty("id").ToString(), me.TryGetProperty("account_name", out var n) ? n.GetString() : null);
    }

    /// <summary>One event, or null when the long poll ended idle (Zalo answers error 408 then).</summary>
    public async Task<JsonElement?> GetUpdatesAsync(int timeoutSeconds, CancellationToken ct)
    {
        try
        {
            var result = await _api.CallAsync("getUpdates", new { timeout = timeoutSeconds }, ct, retry: false);
            return result.ValueKind == JsonValueKind.Object ? result : null;
        }
        catch (ChatApiException e) when (e.ErrorCode == 408)
        {
            return null;
        }
    }

    public Task SetWebhookAsync(string url, string secret, CancellationToken ct) =>
        _api.CallAsync("setWebhook", new { url, secret_token = secret }, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) => _api.CallAsync("deleteWebhook", new { }, ct);

    public Task<JsonElement> GetWebhookInfoAsync(CancellationToken ct) => _api.CallAsync("getWebhookInfo", new { }, ct);

    /// <summary>Plain text, at most 2000 characters; returns the message id.</summary>
    public async Task<string?> SendMessageAsync(string chatId, string text, CancellationToken ct)
    {
        if (text.Length > TextLimit) throw new ArgumentException($"Zalo text is limited to {TextLimit} characters.", nameof(text));
        return MessageId(await _api.CallAsync("sendMessage", new { chat_id = chatId, text }, ct));
    }

    /// <summary>A photo by public URL (Zalo has no upload); returns the message id.</summary>
    public async Task<string?> SendPhotoAsync(string chatId, string photoUrl, string? caption, CancellationToken ct) =>
        MessageId(await _api.CallAsync("sendPhoto", new { chat_id = chatId, photo = photoUrl, caption }, ct));

    public Task SendChatActionAsync(string chatId, string action, CancellationToken ct) =>
        _api.CallAsync("sendChatAction", new { chat_id = chatId, action }, ct, retry: false);

    public Task<byte[]?> DownloadAsync(string url, long maxBytes, CancellationToken ct) => _api.DownloadAsync(url, maxBytes, ct);

    private static string? MessageId(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("message_id", out var id) ? id.ToString() : null;
}
