using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Summaries;
using Microsoft.EntityFrameworkCore;

namespace YouthMonth.Admin.Pages;

/// <summary>Tổng quan: the current period's summary (the same object the bot and the exports render) and the campaign's course.</summary>
public sealed class IndexModel(YouthMonthDb db, TimeProvider clock) : OfficePage
{
    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];
    public Campaign? Campaign { get; private set; }
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];
    public CampaignSummary? Period { get; private set; }
    public CampaignSummary? Whole { get; private set; }
    public IReadOnlyList<YouthMonth.Core.Reporting.ReportDetails> Reports { get; private set; } = [];

    public async Task OnGetAsync(int? campaignId, int? periodId, CancellationToken ct)
    {
        (Campaigns, Campaign) = await CampaignChoice.ResolveAsync(db, campaignId, ct);
        if (Campaign is null) return;
        var now = clock.GetUtcNow();
        Periods = await db.Periods.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id).ToListAsync(ct);
        var today = VietnamTime.Today(clock, VietnamTime.Zone(Campaign.Organisation!.TimeZoneId));
        var period = Periods.FirstOrDefault(p => p.Id == periodId) ?? SummaryScope.CurrentPeriod(Periods, today, now);
        if (period is not null)
        {
            Period = await SummaryQuery.ComputeAsync(db, Campaign.Id, period.Id, now, ct);
            var reports = Take<Page<YouthMonth.Core.Reporting.ReportDetails>>(
                (await ReportsApi.ListReports(db, null, period.Id, null, null, null, null, null, 1, Paging.MaxPageSize, ct)).Result)?.Items ?? [];
            Reports = [.. reports.Where(r => r.Status != YouthMonth.Core.Reporting.ReportStatus.Draft)];
        }
        Whole = await SummaryQuery.ComputeAsync(db, Campaign.Id, null, now, ct);
    }

    public static string Percent(decimal? value) => value is { } v ? $"{Math.Round(v, 0)}%" : TargetRules.NotComputable;
}
