using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>The Telegram Bot API methods the product uses, over JSON (multipart only for uploads).</summary>
public sealed class TelegramClient
{
    private readonly BotApiTransport _api;
    private readonly IOptionsMonitor<TelegramOptions> _options;

    public TelegramClient(HttpClient http, IOptionsMonitor<TelegramOptions> options)
    {
        _options = options;
        _api = new BotApiTransport(http, Channel.Telegram, () => options.CurrentValue.Token, () => options.CurrentValue.ApiBaseUrl);
    }

    /// <summary>Text for parse_mode=HTML: only &amp;, &lt; and &gt; need escaping (ampersand first).</summary>
    public static string EscapeHtml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public async Task<(long Id, string? Username)> GetMeAsync(CancellationToken ct)
    {
        var me = await _api.CallAsync("getMe", null, ct, retry: false);
        return (me.GetProperty("id").GetInt64(), me.TryGetProperty("username", out var u) ? u.GetString() : null);
    }

    /// <summary>Raw updates, so that the adapter can store exactly what arrived.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken ct)
    {
        var result = await _api.CallAsync("getUpdates",
            new { offset, timeout = timeoutSeconds, allowed_updates = new[] { "message", "callback_query", "my_chat_member" } },
            ct, retry: false);
        return result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().ToList() : [];
    }

    public Task SetWebhookAsync(string url, string? secret, CancellationToken ct) =>
        _api.CallAsync("setWebhook",
            new { url, secret_token = secret, allowed_updates = new[] { "message", "callback_query", "my_chat_member" } }, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) => _api.CallAsync("deleteWebhook", new { }, ct);

    public Task<JsonElement> GetWebhookInfoAsync(CancellationToken ct) => _api.CallAsync("getWebhookInfo", new { }, ct);

    /// <summary>Sends HTML text; returns the message id.</summary>
    public async Task<string?> SendMessageAsync(string chatId, string html, object? replyMarkup, CancellationToken ct)
    {
        var result = await _api.CallAsync("sendMessage", new
        {
            chat_id = chatId,
            text = html,
            parse_mode = "HTML",
            link_preview_options = new { is_disabled = true },
            reply_markup = replyMarkup,
        }, ct);
        return MessageId(result);
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken ct) =>
        _api.CallAsync("answerCallbackQuery", new { callback_query_id = callbackQueryId, text }, ct);

    /// <summary>Edits a message; the buttons are kept only if passed again. "message is not modified" is success.</summary>
    public async Task EditMessageTextAsync(string chatId, string messageId, string html, object? replyMarkup, CancellationToken ct)
    {
        try
        {
            await _api.CallAsync("editMessageText", new
            {
                chat_id = chatId,
                message_id = long.Parse(messageId),
                text = html,
                parse_mode = "HTML",
                reply_markup = replyMarkup,
            }, ct);
        }
        catch (ChatApiException e) when (e.IsNotModified) { }
    }

    /// <summary>Sends a photo by file_id or URL; returns (message id, file_id of the largest size).</summary>
    public async Task<(string? MessageId, string? FileId)> SendPhotoAsync(string chatId, string fileIdOrUrl, string? captionHtml,
        object? replyMarkup, CancellationToken ct)
    {
        var result = await _api.CallAsync("sendPhoto", new
        {
            chat_id = chatId,
            photo = fileIdOrUrl,
            caption = captionHtml,
            parse_mode = captionHtml is null ? null : "HTML",
            reply_markup = replyMarkup,
        }, ct);
        return (MessageId(result), LargestFileId(result));
    }

    /// <summary>Uploads a photo (≤ 10 MB); returns (message id, the file_id Telegram gave it).</summary>
    public async Task<(string? MessageId, string? FileId)> UploadPhotoAsync(string chatId, byte[] bytes, string fileName,
        string contentType, string? captionHtml, object? replyMarkup, CancellationToken ct)
    {
        var result = await _api.CallMultipartAsync("sendPhoto", () =>
        {
            var form = new MultipartFormDataContent { { new StringContent(chatId), "chat_id" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "photo", fileName);
            if (captionHtml is not null)
            {
                form.Add(new StringContent(captionHtml), "caption");
                form.Add(new StringContent("HTML"), "parse_mode");
            }
            if (replyMarkup is not null)
                form.Add(new StringContent(JsonSerializer.Serialize(replyMarkup, BotApiTransport.Json)), "reply_markup");
            return form;
        }, ct);
        return (MessageId(result), LargestFileId(result));
    }

    /// <summary>An album of 2-10 photos by file_id or URL; the caption goes on the first.</summary>
    public Task SendMediaGroupAsync(string chatId, IReadOnlyList<string> photos, string? captionHtml, CancellationToken ct) =>
        _api.CallAsync("sendMediaGroup", new
        {
            chat_id = chatId,
            media = photos.Select((p, i) => new
            {
                type = "photo",
                media = p,
                caption = i == 0 ? captionHtml : null,
                parse_mode = i == 0 && captionHtml is not null ? "HTML" : null,
            }),
        }, ct);

    public async Task<(string? FilePath, long? FileSize)> GetFileAsync(string fileId, CancellationToken ct)
    {
        var file = await _api.CallAsync("getFile", new { file_id = fileId }, ct);
        return (file.TryGetProperty("file_path", out var p) ? p.GetString() : null,
                file.TryGetProperty("file_size", out var s) && s.TryGetInt64(out var size) ? size : null);
    }

    /// <summary>Downloads a file found with getFile; null when larger than <paramref name="maxBytes"/>.</summary>
    public Task<byte[]?> DownloadFileAsync(string filePath, long maxBytes, CancellationToken ct) =>
        _api.DownloadAsync($"{_options.CurrentValue.EffectiveFileBaseUrl.TrimEnd('/')}/file/bot{_options.CurrentValue.Token}/{filePath}",
            maxBytes, ct);

    public Task SetMyCommandsAsync(IEnumerable<(string Command, string Description)> commands, CancellationToken ct) =>
        _api.CallAsync("setMyCommands",
            new { commands = commands.Select(c => new { command = c.Command, description = c.Description }) }, ct, retry: false);

    private static string? MessageId(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("message_id", out var id) ? id.ToString() : null;

    private static string? LargestFileId(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("photo", out var sizes) && sizes.ValueKind == JsonValueKind.Array
            ? sizes.EnumerateArray()
                .OrderByDescending(s => s.TryGetProperty("width", out var w) && s.TryGetProperty("height", out var h) ? (long)w.GetInt32() * h.GetInt32() : 0)
                .Select(s => s.GetProperty("file_id").GetString()).FirstOrDefault()
            : null;
}
