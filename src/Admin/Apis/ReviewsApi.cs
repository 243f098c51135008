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
/// GET  /api/reports?periodId=&amp;review=&amp;page=&amp;pageSize=   sent reports to review (viewer)
/// POST /api/reports/{id}/review   {decision: "Accepted"|"Returned", reason}   (admin); a returned report's
///                                contacts get a bot message saying what to fix
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reviews");
        api.MapGet("/", ListReports).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/{id:int}/review", ReviewReport).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<ReportReviewResponse>>, ValidationProblem>> ListReports(
        YouthMonthDb db, int? periodId, ReviewStatus? review, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (periodId is null) errors.Add("periodId", "Cho biết kỳ báo cáo (periodId).");
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Reports.AsNoTracking().Include(r => r.Period).Include(r => r.Unit)
            .Where(r => r.PeriodId == periodId && r.Status != ReportStatus.Draft);
        if (review is { } wanted) query = query.Where(r => r.Review == wanted);
        return TypedResults.Ok(await query.OrderBy(r => r.Unit!.Name).ThenBy(r => r.Id)
            .ToPageAsync(p, size, r => ReportReviewResponse.From(r), ct));
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
