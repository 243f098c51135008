using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET /api/summaries?campaignId=&amp;periodId=   the compiled summary (same numbers as /summary in chat);
///                                               periodId alone is enough; without periodId the whole campaign.
/// </summary>
public static class SummariesApi
{
    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/summaries").WithTags("Summaries");
        api.MapGet("/", GetSummary).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<CampaignSummary>, ValidationProblem, ProblemHttpResult>> GetSummary(
        YouthMonthDb db, TimeProvider clock, int? campaignId, int? periodId, CancellationToken ct)
    {
        var (summary, problem) = await ComputeAsync(db, clock, campaignId, periodId, ct);
        if (problem is not null) return problem.Value.Invalid is { } invalid ? invalid : problem.Value.NotFound!;
        return TypedResults.Ok(summary!);
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
