using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Scheduling;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET /api/summaries?campaignId=&amp;periodId=   the compiled summary (same numbers as /summary in chat), with the
///                                                 scope's award proposals and activity links, and (final or
///                                                 campaign scope) the final totals that differ from the weekly sums;
///                                               periodId alone is enough; without periodId the whole campaign.
/// POST /api/summaries/send-now?periodId=        posts the period's summary to the leader chats now: a job for the
///                                               Bots' job engine (202, with the job id shown in /hangfire).
/// </summary>
public static class SummariesApi
{
    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/summaries").WithTags("Summaries");
        api.MapGet("/", GetSummary).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/send-now", SendNow).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<CampaignSummary>, ValidationProblem, ProblemHttpResult>> GetSummary(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, CancellationToken ct)
    {
        var (summary, problem) = await ComputeAsync(db, clock, campaignId, periodId, ct);
        if (problem is not null) return problem.Value.Invalid is { } invalid ? invalid : problem.Value.NotFound!;
        var extras = await ReportExtras.LoadAsync(db, summary!, ct);
        // Only a scope holding the final report can have a final total to compare with the weeks.
        IReadOnlyList<WeeklySumDifference>? differences = summary!.Period is null or { Kind: Core.Plan.PeriodKind.Final }
            ? UnitNumbersQuery.Differences(summary, await UnitNumbersQuery.ReadAsync(db, summary, ct))
            : null;
        return TypedResults.Ok(summary with { Nominations = extras.Nominations, Links = extras.Links, WeeklySumDifferences = differences });
    }

    /// <summary>
    /// Enqueues the "send this summary now" job. This host has no job server: a Bot picks the job up within
    /// seconds. Each call is its own request (a second call posts again); a retried job adds only what is missing.
    /// </summary>
    public static async Task<Results<Accepted<SendNowResponse>, ValidationProblem, ProblemHttpResult>> SendNow(
        YouthMonthDb db, IBackgroundJobClient jobs, int? periodId, CancellationToken ct)
    {
        if (periodId is not { } pid) return ApiResults.Invalid("periodId", "Cho biết periodId (kỳ báo cáo cần gửi tổng hợp).");
        var period = await db.Periods.AsNoTracking().Include(p => p.Campaign).ThenInclude(c => c!.Organisation)
            .FirstOrDefaultAsync(p => p.Id == pid, ct);
        if (period?.Campaign is null) return ApiResults.NotFound($"Không có kỳ báo cáo #{pid}.");
        var title = SchedulingTexts.SummaryNowTitle(period, period.Campaign);
        var requestId = Guid.NewGuid();
        var jobId = jobs.Enqueue<PlanJobs>(j => j.SendSummaryNowAsync(pid, requestId, title, CancellationToken.None));
        return TypedResults.Accepted((string?)null, new SendNowResponse(jobId, title));
    }

    /// <summary>Checks the scope parameters and computes the summary; shared with the exports.</summary>
    internal static async Task<(CampaignSummary? Summary, (ValidationProblem? Invalid, ProblemHttpResult? NotFound)? Problem)> ComputeAsync(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, CancellationToken ct)
    {
        if (periodId is { } pid)
        {
            var periodCampaign = await db.Periods.Where(p => p.Id == pid).Select(p => (int?)p.CampaignId).FirstOrDefaultAsync(ct);
            if (periodCampaign is null) return (null, (null, ApiResults.NotFound($"Không có kỳ báo cáo #{pid}.")));
            if (campaignId is { } cid && cid != periodCampaign)
                return (null, (ApiResults.Invalid("periodId", $"Kỳ báo cáo #{pid} không thuộc đợt #{cid}."), null));
            campaignId = periodCampaign;
        }
        if (campaignId is null)
            return (null, (ApiResults.Invalid("campaignId", "Cho biết campaignId (cả đợt) hoặc periodId (một kỳ báo cáo)."), null));
        var summary = await SummaryQuery.ComputeAsync(db, campaignId.Value, periodId, clock.GetUtcNow(), ct);
        return summary is null ? (null, (null, ApiResults.NotFound($"Không có đợt #{campaignId}."))) : (summary, null);
    }
}

/// <summary>The queued job: its id and the name it carries in the dashboard.</summary>
public sealed record SendNowResponse(string JobId, string Title);
