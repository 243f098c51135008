using Microsoft.AspNetCore.Http.HttpResults;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET /api/reports?campaignId=&amp;periodId=&amp;unitId=&amp;kind=&amp;status=&amp;review=&amp;late=&amp;page=&amp;pageSize=
///     whole sent reports (drafts only with status=Draft), by period then unit
/// GET /api/reports/{id}   one whole report: activities, numbers, news, links, photos, assessment, nominations,
///     lateness, review and audit
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapGet("/", ListReports).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetReport).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<Page<ReportDetails>>, ValidationProblem>> ListReports(
        YouthMonthDb db, int? campaignId, int? periodId, int? unitId, PeriodKind? kind, ReportStatus? status, ReviewStatus? review,
        bool? late, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var (items, total) = await ReportDetailsQuery.ListAsync(db, new ReportFilter(campaignId, periodId, unitId, kind, status, review, late),
            p, size, ct);
        return TypedResults.Ok(new Page<ReportDetails>(items, p, size, total));
    }

    public static async Task<Results<Ok<ReportDetails>, ProblemHttpResult>> GetReport(YouthMonthDb db, int id, CancellationToken ct) =>
        await ReportDetailsQuery.GetAsync(db, id, ct) is { } report
            ? TypedResults.Ok(report)
            : ApiResults.NotFound($"Không có báo cáo #{id}.");
}
