using Microsoft.AspNetCore.Http.HttpResults;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET  /api/dead-letters?page=&amp;pageSize=   messages from chats that the Bot gave up on (newest first)
/// POST /api/dead-letters/{id}/retry          (admin) puts one back in the queue; a Bot handles it within seconds
///
/// A message lands here after a permanent error, or when a passing one (file server down, database gone) outlasts
/// every retry (Messaging:InboxRetryDelaysSeconds). The chat was told that the office will look at it.
/// </summary>
public static class DeadLettersApi
{
    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dead-letters").WithTags("Dead letters");
        api.MapGet("/", ListDeadLetters).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/{id:long}/retry", RetryDeadLetter).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<DeadLetter>>, ValidationProblem>> ListDeadLetters(
        YouthMonthDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (number, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        // A page far beyond the end is empty, not an overflow.
        var skip = (long)(number - 1) * size;
        if (skip > int.MaxValue) return TypedResults.Ok(new Page<DeadLetter>([], number, size, 0));
        var (items, total) = await DeadLetters.ListAsync(db, (int)skip, size, ct);
        return TypedResults.Ok(new Page<DeadLetter>(items, number, size, total));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryDeadLetter(YouthMonthDb db, long id, CancellationToken ct) =>
        await DeadLetters.RetryAsync(db, id, ct)
            ? TypedResults.Accepted((string?)null)
            : ApiResults.NotFound($"Không có tin nhắn lỗi #{id} (có thể đã được xử lý lại).");
}
