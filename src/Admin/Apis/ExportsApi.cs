using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET /api/exports/summary.docx?campaignId=&amp;periodId=&amp;date=   the compiled report in the official Word layout (day blank unless date=true)
/// GET /api/exports/units.xlsx?campaignId=&amp;periodId=     per-unit numbers (and totals) as Excel
/// GET /api/exports/units.csv?campaignId=&amp;periodId=      per-unit numbers as CSV (UTF-8 with BOM)
/// Same scope rules as /api/summaries.
/// </summary>
public static class ExportsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports").WithTags("Exports");
        api.MapGet("/summary.docx", ExportDocx).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/units.xlsx", ExportXlsx).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/units.csv", ExportCsv).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    // The photo folder is the Bot's Photos:Root (shared storage); read directly so the Admin host needs no
    // extra options class for one path. Missing photos are simply left out of the appendix.
    // The organisation's letterhead heads and signs it; the day is left blank for signing unless ?date=true.
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportDocx(
        YouthMonthDb db, TimeProvider clock, IConfiguration config, int? campaignId, int? periodId, bool? date, CancellationToken ct)
    {
        var letterheads = await db.Campaigns.AsNoTracking().Select(c => new { c.Id, c.Organisation!.Letterhead, c.PlanNumber, c.IssuedOn })
            .ToDictionaryAsync(c => c.Id, ct);
        // A final-kind period's assessments and award proposals; other periods' reports carry none.
        List<UnitFinalContent> final = periodId is { } id ? await FinalContent.LoadAsync(db, id, ct) : [];
        var (summary, problem) = await SummariesApi.ComputeAsync(db, clock, campaignId, periodId, ct);
        if (problem is not null) return problem.Value.Invalid is { } invalid ? invalid : problem.Value.NotFound!;
        IReadOnlyList<UnitNumbers>? units = null;
        if (summary!.Period is { Kind: PeriodKind.Final })
        {
            // The final report speaks for the month: its numbers and targets are the whole campaign's (each unit
            // counting the larger of its final totals and its other reports), not the final reports' alone, which
            // carry no activities and would show every coverage target at 0.
            var month = await SummaryQuery.ComputeAsync(db, summary.Header.CampaignId, null, clock.GetUtcNow(), ct);
            if (month is not null)
            {
                summary = summary with { Totals = month.Totals, Targets = month.Targets };
                // The annex's per-unit numbers likewise: a period asking no numbers would otherwise list none.
                units = await UnitNumbersQuery.ReadAsync(db, month, ct);
            }
        }
        units ??= await UnitNumbersQuery.ReadAsync(db, summary, ct);
        var news = await ActivityNews.LoadAsync(db, summary, ct);
        var failures = await ReportExtras.PhotoFailuresAsync(db, summary, ct);
        var plan = letterheads.GetValueOrDefault(summary!.Header.CampaignId);
        var bytes = SummaryDocx.Build(summary, units, config["Photos:Root"] ?? "data/photos", plan?.Letterhead, date == true, final, news,
            new PlanReference(plan?.PlanNumber, plan?.IssuedOn), failures);
        return TypedResults.File(bytes, DocxType, FileName(summary, "docx"));
    }

    private static string FileName(CampaignSummary s, string extension) =>
        $"tong-hop-dot-{s.Header.CampaignId}-{(s.Period is { } p ? $"ky-{p.Id}" : "toan-dot")}.{extension}";

    // Besides the numbers: the award proposals and the activities' links, a sheet each.
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportXlsx(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, CancellationToken ct)
    {
        var (summary, problem) = await SummariesApi.ComputeAsync(db, clock, campaignId, periodId, ct);
        if (problem is not null) return problem.Value.Invalid is { } invalid ? invalid : problem.Value.NotFound!;
        var units = await UnitNumbersQuery.ReadAsync(db, summary!, ct);
        var extras = await ReportExtras.LoadAsync(db, summary!, ct);
        return TypedResults.File(UnitNumbersSheet.Xlsx(summary!, units, extras), XlsxType, FileName(summary!, "xlsx"));
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportCsv(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, CancellationToken ct) =>
        ExportAsync(db, clock, campaignId, periodId, "csv", "text/csv; charset=utf-8", ct, UnitNumbersSheet.Csv);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, string extension, string contentType, CancellationToken ct,
        Func<CampaignSummary, IReadOnlyList<UnitNumbers>, byte[]> build)
    {
        var (summary, problem) = await SummariesApi.ComputeAsync(db, clock, campaignId, periodId, ct);
        if (problem is not null) return problem.Value.Invalid is { } invalid ? invalid : problem.Value.NotFound!;
        var units = await UnitNumbersQuery.ReadAsync(db, summary!, ct);
        return TypedResults.File(build(summary!, units), contentType, FileName(summary!, extension));
    }
}
