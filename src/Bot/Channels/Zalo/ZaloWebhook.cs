using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>POST /zalo/webhook: verify X-Bot-Api-Secret-Token, store the event, answer 200.</summary>
public static class ZaloWebhook
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    /// <summary>Zalo events are a few KB; a larger body is refused with 413 before it is read.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static void MapZaloWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost("/zalo/webhook", HandleAsync).ExcludeFromDescription();

    public static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult, NotFound>> HandleAsync(
        HttpRequest request, IOptions<ZaloOptions> options, InboundPipeline pipeline, ILoggerFactory loggers, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != ChannelMode.Webhook) return TypedResults.NotFound();
        if (!WebhookSecret.Matches(o.WebhookSecret, request.Headers[SecretHeader], o.RequireWebhookSecret))
            return TypedResults.Unauthorized();

        var logger = loggers.CreateLogger(typeof(ZaloWebhook));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        InboundUpdate update;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            update = ZaloUpdateMapper.Map(body.RootElement);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is JsonException or MalformedUpdateException or InvalidOperationException)
        {
            logger.LogWarning("Malformed Zalo webhook body: {Error}", e.Message);
            return TypedResults.Problem(title: "Malformed event", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            await pipeline.AcceptAsync(Channel.Zalo, update, ct);
        }
        catch (InboxUnavailableException e)
        {
            // Not stored: a 5xx makes the platform deliver the update again later.
            logger.LogWarning("Zalo update not stored: {Error}", e.Message);
            return WebhookAnswers.InboxUnavailable();
        }
        return TypedResults.Ok();
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(title: "Body too large",
        detail: $"Zalo events are at most {MaxBodyBytes} bytes here.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
