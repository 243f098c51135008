using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>POST /zalo/webhook: verify X-Bot-Api-Secret-Token, store the event, answer 200.</summary>
public static class ZaloWebhook
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

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
        InboundUpdate update;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            update = ZaloUpdateMapper.Map(body.RootElement);
        }
        catch (Exception e) when (e is JsonException or MalformedUpdateException)
        {
            logger.LogWarning("Malformed Zalo webhook body: {Error}", e.Message);
            return TypedResults.Problem(title: "Malformed event", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        await pipeline.AcceptAsync(Channel.Zalo, update, ct);
        return TypedResults.Ok();
    }
}
