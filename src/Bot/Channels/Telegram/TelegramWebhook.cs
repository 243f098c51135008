using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>POST /telegram/webhook: verify the secret, store the update, answer 200 (Telegram retries anything else).</summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Real updates are a few KB (a 4,096-character text, a caption, entities); 1 MB leaves room for anything Telegram sends.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static void MapTelegramWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost("/telegram/webhook", HandleAsync).ExcludeFromDescription();

    public static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult, NotFound>> HandleAsync(
        HttpRequest request, IOptions<TelegramOptions> options, TelegramBotIdentity identity, InboundPipeline pipeline,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != ChannelMode.Webhook) return TypedResults.NotFound();
        if (!WebhookSecret.Matches(o.WebhookSecret, request.Headers[SecretHeader], o.RequireWebhookSecret))
            return TypedResults.Unauthorized();

        var logger = loggers.CreateLogger(typeof(TelegramWebhook));
        InboundUpdate update;
        try
        {
            // The raw body, read with Telegram.Bot's JSON settings; the host's JSON options are left alone.
            var raw = await ReadBodyAsync(request, MaxBodyBytes, ct);
            if (raw is null)
                return TypedResults.Problem(title: "Update too large", detail: $"Telegram updates are at most {MaxBodyBytes} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            update = TelegramUpdateMapper.Map(raw, identity.Username);
        }
        catch (Exception e) when (e is MalformedUpdateException or DecoderFallbackException or BadHttpRequestException)
        {
            logger.LogWarning("Malformed Telegram webhook body: {Error}", e.Message);
            return TypedResults.Problem(title: "Malformed update", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            await pipeline.AcceptAsync(Channel.Telegram, update, ct);
        }
        catch (InboxUnavailableException e)
        {
            // Not stored: a 5xx makes the platform deliver the update again later.
            logger.LogWarning("Telegram update not stored: {Error}", e.Message);
            return WebhookAnswers.InboxUnavailable();
        }
        return TypedResults.Ok();
    }

    /// <summary>The body as strict UTF-8 text; null when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

/// <summary>The bot's own @username, for telling our "/cmd@bot" from other bots' (configured or read by getMe).</summary>
public sealed class TelegramBotIdentity(IOptions<TelegramOptions> options)
{
    private string? _fromGetMe;
    private readonly TaskCompletionSource _setUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once start-up (getMe, command menu, webhook registration) has run.</summary>
    public Task SetUpCompleted => _setUp.Task;
    public void MarkSetUp() => _setUp.TrySetResult();
    public string? Username => string.IsNullOrWhiteSpace(options.Value.BotUsername) ? _fromGetMe : options.Value.BotUsername;
    public void Learn(string? username) => _fromGetMe = username;
}
