using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>POST /telegram/webhook: verify the secret, store the update, answer 200 (Telegram retries anything else).</summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

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
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            update = TelegramUpdateMapper.Map(body.RootElement, identity.Username);
        }
        catch (Exception e) when (e is JsonException or MalformedUpdateException)
        {
            logger.LogWarning("Malformed Telegram webhook body: {Error}", e.Message);
            return TypedResults.Problem(title: "Malformed update", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        await pipeline.AcceptAsync(Channel.Telegram, update, ct);
        return TypedResults.Ok();
    }
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
