using Microsoft.AspNetCore.Http.Features;

namespace YouthMonth.Admin.Infrastructure;

/// <summary>Endpoint metadata raising the request body limit above the default (whole-plan and CSV imports).</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Request body limits: 1 MB for ordinary JSON, more where an endpoint says so with <see cref="BodyLimit"/>.
/// A declared Content-Length over the limit is answered 413 at once; a chunked body is cut off by the server
/// (Kestrel) at the same limit, which <see cref="ApiExceptionHandler"/> turns into the same 413.
/// </summary>
public static class BodyLimits
{
    public const long DefaultBytes = 1024 * 1024;
    public const long ImportBytes = 5 * 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultBytes;
        if (http.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(http);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(http);
    });

    public static IResult TooLarge(long? limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Nội dung quá lớn",
        detail: limit is { } l ? $"Nội dung gửi lên vượt giới hạn {l / 1024 / 1024} MB." : "Nội dung gửi lên vượt giới hạn cho phép.",
        extensions: new Dictionary<string, object?> { ["field"] = "body" });
}
