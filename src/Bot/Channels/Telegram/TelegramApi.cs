using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>
/// The Telegram Bot API calls the product makes, through Telegram.Bot's <see cref="ITelegramBotClient"/>.
/// Its only job beyond the library is turning the library's exceptions into <see cref="ChatApiException"/>, the
/// sender's decisions (429 with retry_after, 403 unreachable, migrated chat, transient), with the token redacted.
/// </summary>
public sealed class TelegramApi
{
    public const string HttpClientName = "telegram";
    private readonly Func<ITelegramBotClient> _bot;
    private readonly Func<string?> _token;

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ChatApiException>(e => e.IsTransient),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(300),
            UseJitter = true,
        })
        .Build();

    /// <summary>
    /// A client per call from DI (it comes from IHttpClientFactory, so handlers rotate), created only when
    /// Telegram is used: without a token there is no client to create.
    /// </summary>
    public TelegramApi(IHttpClientFactory http, IOptionsMonitor<TelegramOptions> options)
        : this(() => CreateClient(options.CurrentValue, http.CreateClient(HttpClientName)), () => options.CurrentValue.Token) { }

    /// <summary>For tests: one client (a mock) for every call.</summary>
    public static TelegramApi For(ITelegramBotClient bot, string? token = null) => new(() => bot, () => token);

    private TelegramApi(Func<ITelegramBotClient> bot, Func<string?> token)
    {
        _bot = bot;
        _token = token;
    }

    /// <summary>The client as the host builds it: the named HttpClient "telegram", Telegram:ApiBaseUrl, no 429 retries.</summary>
    public static ITelegramBotClient CreateClient(TelegramOptions options, HttpClient http)
    {
        if (string.IsNullOrWhiteSpace(options.Token)) throw new InvalidOperationException("Telegram:Token is not configured.");
        // RetryThreshold 0: the outbox owns pacing and retries; a 429 must reach it with its retry_after.
        return new TelegramBotClient(new TelegramBotClientOptions(options.Token, options.ApiBaseUrl) { RetryThreshold = 0 }, http);
    }

    /// <summary>Text for parse_mode=HTML: only &amp;, &lt; and &gt; need escaping (ampersand first).</summary>
    public static string EscapeHtml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync("getMe", (b, t) => b.GetMe(t), ct, retry: false);

    public Task<Update[]> GetUpdatesAsync(int? offset, int timeoutSeconds, CancellationToken ct) =>
        CallAsync("getUpdates", (b, t) => b.GetUpdates(offset, timeout: timeoutSeconds, allowedUpdates: AllowedUpdates, cancellationToken: t), ct, retry: false);

    public Task SetWebhookAsync(string url, string? secret, CancellationToken ct) =>
        CallAsync("setWebhook", async (b, t) => { await b.SetWebhook(url, allowedUpdates: AllowedUpdates, secretToken: secret, cancellationToken: t); return true; }, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) =>
        CallAsync("deleteWebhook", async (b, t) => { await b.DeleteWebhook(cancellationToken: t); return true; }, ct);

    public Task SetMyCommandsAsync(IEnumerable<(string Command, string Description)> commands, CancellationToken ct) =>
        CallAsync("setMyCommands", async (b, t) =>
        {
            await b.SetMyCommands(commands.Select(c => new BotCommand(c.Command, c.Description)), cancellationToken: t);
            return true;
        }, ct, retry: false);

    /// <summary>Sends HTML text; returns the message id.</summary>
    public async Task<string?> SendMessageAsync(string chatId, string html, ReplyMarkup? markup, CancellationToken ct)
    {
        var sent = await CallAsync("sendMessage", (b, t) => b.SendMessage(ChatIdOf(chatId), html, ParseMode.Html, replyMarkup: markup,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: t), ct);
        return sent?.Id.ToString();
    }

    /// <summary>
    /// Sends a photo by file_id or as an upload (the bytes are read again on each retry); returns the message id and
    /// the file_id of the largest size Telegram keeps, so the next send needs no upload.
    /// </summary>
    public async Task<(string? MessageId, string? FileId)> SendPhotoAsync(string chatId, string? fileId, Func<Stream>? upload, string? fileName,
        string? captionHtml, ReplyMarkup? markup, CancellationToken ct)
    {
        var sent = await CallAsync("sendPhoto", async (b, t) =>
        {
            await using var stream = upload?.Invoke();
            InputFile photo = stream is null ? InputFile.FromFileId(fileId!) : InputFile.FromStream(stream, fileName);
            return await b.SendPhoto(ChatIdOf(chatId), photo, captionHtml, captionHtml is null ? default : ParseMode.Html,
                replyMarkup: markup, cancellationToken: t);
        }, ct);
        var largest = sent?.Photo?.MaxBy(p => (long)p.Width * p.Height);
        return (sent?.Id.ToString(), largest?.FileId);
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, CancellationToken ct) =>
        CallAsync("answerCallbackQuery", async (b, t) => { await b.AnswerCallbackQuery(callbackQueryId, cancellationToken: t); return true; }, ct);

    public async Task<(string? FilePath, long? FileSize)> GetFileAsync(string fileId, CancellationToken ct)
    {
        var file = await CallAsync("getFile", (b, t) => b.GetFile(fileId, t), ct);
        return (file?.FilePath, file?.FileSize);
    }

    /// <summary>Downloads a file found with getFile; null when larger than <paramref name="maxBytes"/> (checked while reading).</summary>
    public Task<byte[]?> DownloadFileAsync(string filePath, long maxBytes, CancellationToken ct) =>
        CallAsync("download", async (b, t) =>
        {
            using var buffer = new CappedStream(maxBytes);
            try
            {
                await b.DownloadFile(filePath, buffer, t);
            }
            catch (Exception e) when (Find<CappedStream.TooLargeException>(e) is not null)
            {
                return null;
            }
            return buffer.ToArray();
        }, ct);

    private static ChatId ChatIdOf(string chatId) => long.TryParse(chatId, out var id) ? new ChatId(id) : new ChatId(chatId);

    private async Task<T> CallAsync<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct, bool retry = true)
    {
        if (!retry) return await OnceAsync(method, call, ct);
        return await Retry.ExecuteAsync(async t => await OnceAsync(method, call, t), ct);
    }

    private async Task<T> OnceAsync<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var token = _token();
        try
        {
            return await call(_bot(), ct);
        }
        catch (ApiRequestException e)
        {
            throw Classify(method, e, token);
        }
        catch (RequestException e)
        {
            // No Bot API envelope: a network error, a proxy's 5xx, or an answer the library could not read.
            var status = e.HttpStatusCode is { } s && s != HttpStatusCode.OK ? (int?)s : null;
            var unreadable = e.HttpStatusCode == HttpStatusCode.OK || Find<System.Text.Json.JsonException>(e) is not null;
            throw new ChatApiException(Channel.Telegram, method, unreadable ? 200 : status,
                Describe(e).Redact(token));
        }
        catch (HttpRequestException e)
        {
            throw new ChatApiException(Channel.Telegram, method, e.StatusCode is { } s ? (int)s : null, e.Message.Redact(token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ChatApiException(Channel.Telegram, method, null, "timeout");
        }
    }

    /// <summary>The library's API error as the sender's decision; public for the sender tests.</summary>
    public static ChatApiException Classify(string method, ApiRequestException e, string? token = null)
    {
        var retryAfter = e.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        // The emulator answers unknown methods with a 500 "... is not supported": a missing method, not an outage.
        var code = e.ErrorCode == 500 && e.Message.Contains("is not supported", StringComparison.OrdinalIgnoreCase) ? 501
            : e.ErrorCode == 0 ? (int?)null : e.ErrorCode;
        return new ChatApiException(Channel.Telegram, method, code, e.Message.Redact(token), retryAfter,
            e.Parameters?.MigrateToChatId?.ToString());
    }

    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) parts.Add(x.Message);
        return string.Join(" → ", parts.Distinct());
    }

    private static TException? Find<TException>(Exception e) where TException : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is TException found) return found;
        return null;
    }

    /// <summary>A memory buffer that refuses to grow past the Bot API's download limit.</summary>
    private sealed class CappedStream(long maxBytes) : MemoryStream
    {
        public sealed class TooLargeException() : IOException("file larger than the limit");

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > maxBytes) throw new TooLargeException();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > maxBytes) throw new TooLargeException();
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
