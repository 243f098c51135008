using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Admin.Apis;

public sealed record ReviewRequest(ReviewDecision? Decision, string? Reason);

public sealed record ReportReviewResponse(int Id, int PeriodId, string Period, int UnitId, string Unit, ReportStatus Status,
    DateTimeOffset? SubmittedAt, bool IsLate, ReviewStatus Review, string? ReviewReason, DateTimeOffset? ReviewedAt, int? Notified = null)
{
    public static ReportReviewResponse From(Report r, int? notified = null) => new(r.Id, r.PeriodId, r.Period?.Label ?? "", r.UnitId,
        r.Unit?.Name ?? "", r.Status, r.SubmittedAt, r.IsLate, r.Review, r.ReviewReason, r.ReviewedAt, notified);
}

/// <summary>
/// POST /api/reports/{id}/review   {decision: "Accepted"|"Returned", reason}   (admin); a returned report's
///                                contacts get a bot message saying what to fix
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reviews");
        api.MapPost("/{id:int}/review", ReviewReport).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<ReportReviewResponse>, ValidationProblem, ProblemHttpResult>> ReviewReport(
        YouthMonthDb db, TimeProvider clock, ClaimsPrincipal user, int id, ReviewRequest request, CancellationToken ct)
    {
        var outcome = await ReportReview.ReviewAsync(db, id, request.Decision, request.Reason, $"admin:{user.Identity?.Name}",
            clock.GetUtcNow(), ct);
        if (outcome.Errors.Any) return ApiResults.Invalid(outcome.Errors);
        if (outcome.NotFound) return ApiResults.NotFound($"Không có báo cáo #{id}.");
        if (outcome.Conflict is not null) return ApiResults.Conflict(outcome.Conflict, "id");
        return TypedResults.Ok(ReportReviewResponse.From(outcome.Report!, outcome.Notified));
    }
}
