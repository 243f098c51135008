using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>The plan as a unit sees it: its campaign, the periods it can report for, its activities and metrics.</summary>
public static class ReportPeriods
{
    public static async Task<Campaign?> CampaignForAsync(YouthMonthDb db, Unit unit, DateOnly today, CancellationToken ct)
    {
        var campaigns = await PlanCache.CampaignsOfAsync(db, unit.OrganisationId, ct);
        return campaigns.Where(c => c.Status == CampaignStatus.Active)
            .OrderByDescending(c => c.StartDate <= today && today <= c.EndDate.AddDays(31))
            .ThenByDescending(c => c.StartDate).FirstOrDefault();
    }

    /// <summary>Periods whose window has begun, in order; the only ones a unit may report for.</summary>
    public static async Task<List<ReportingPeriod>> StartedAsync(YouthMonthDb db, int campaignId, DateOnly today, CancellationToken ct) =>
        (await AllAsync(db, campaignId, ct)).Where(p => p.WindowStart <= today).ToList();

    /// <summary>Every period of the campaign, by deadline.</summary>
    public static async Task<List<ReportingPeriod>> AllAsync(YouthMonthDb db, int campaignId, CancellationToken ct) =>
        (await PlanCache.CampaignAsync(db, campaignId, ct))?.Periods.ToList() ?? [];

    public static Task<List<Report>> ReportsAsync(YouthMonthDb db, int unitId, IEnumerable<int> periodIds, CancellationToken ct)
    {
        var ids = periodIds.ToList();
        return db.Reports.AsNoTracking().Include(r => r.SubmittedBy)
            .Where(r => r.UnitId == unitId && ids.Contains(r.PeriodId) && r.Status != ReportStatus.Draft).ToListAsync(ct);
    }

    /// <summary>
    /// The period chosen for the person: the first one still before its deadline that the unit has not reported
    /// (so a previous week due tomorrow comes before this week); else the one whose window contains today;
    /// else the latest begun (a late report).
    /// </summary>
    public static ReportingPeriod? ChooseDefault(IReadOnlyList<ReportingPeriod> started, IReadOnlyCollection<Report> reports,
        DateTimeOffset now, DateOnly today)
    {
        var reported = reports.Select(r => r.PeriodId).ToHashSet();
        // The final report opens with the month but is only offered first in its last week.
        return started.FirstOrDefault(p => p.DeadlineUtc >= now && !reported.Contains(p.Id)
                && (p.Kind != PeriodKind.Final || p.DeadlineUtc - now <= TimeSpan.FromDays(7)))
            ?? started.FirstOrDefault(p => p.WindowStart <= today && today <= p.WindowEnd)
            ?? started.LastOrDefault(p => !reported.Contains(p.Id))
            ?? started.LastOrDefault();
    }

    /// <summary>Every begun period the unit has not reported, or whose report it can still edit, in order.</summary>
    public static List<ReportingPeriod> Offerable(IReadOnlyList<ReportingPeriod> started, IReadOnlyCollection<Report> reports, DateTimeOffset now) =>
        started.Where(p => reports.FirstOrDefault(r => r.PeriodId == p.Id) is not { } r || ReportWriter.CanEdit(r, p, now)).ToList();

    /// <summary>
    /// The period a person names after /baocao: words of its label in order, any case, with or without diacritics
    /// ("tuần 1", "tong ket", "số liệu trực tuyến"); "khởi động"/"ra quân", "cao điểm" and "tổng kết" also name the
    /// first period of that kind. "tuần 1" does not match "Tuần 10".
    /// </summary>
    public static ReportingPeriod? Named(IReadOnlyList<ReportingPeriod> periods, string name)
    {
        var wanted = Words(name);
        if (wanted.Length == 0) return null;
        var byLabel = periods.FirstOrDefault(p => ContainsRun(Words(p.Label), wanted));
        if (byLabel is not null) return byLabel;
        PeriodKind? kind = string.Join(' ', wanted) switch
        {
            "khoi dong" or "ra quan" or "le ra quan" or "le khoi dong" => PeriodKind.KickOff,
            "cao diem" or "ngay cao diem" => PeriodKind.EventDay,
            "tong ket" or "bao cao tong ket" => PeriodKind.Final,
            _ => null,
        };
        return kind is null ? null : periods.FirstOrDefault(p => p.Kind == kind);
    }

    private static string[] Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(Text.VietnameseText.Fold(text), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToArray();

    private static bool ContainsRun(string[] words, string[] run)
    {
        for (var i = 0; i + run.Length <= words.Length; i++)
            if (words.AsSpan(i, run.Length).SequenceEqual(run)) return true;
        return false;
    }

    /// <summary>The plan's activities for this unit in this period: assigned to it, or for every grassroots unit.</summary>
    public static async Task<List<Activity>> ActivitiesForAsync(YouthMonthDb db, ReportingPeriod period, int unitId, CancellationToken ct)
    {
        if (await PlanCache.CampaignAsync(db, period.CampaignId, ct) is not { } plan) return [];
        return plan.Activities
            .Where(a => a.Level == ActivityLevel.Grassroots || plan.IsResponsible(a.Id, unitId))
            .Where(a => a.Dates.Count == 0 || (a.FirstDate <= period.WindowEnd && a.LastDate >= period.WindowStart))
            .Take(8).ToList();
    }

    // A draft keeps ids of plan rows; the office may delete them while the person is still answering.

    public static async Task<ReportingPeriod> PeriodAsync(YouthMonthDb db, int periodId, CancellationToken ct) =>
        await PlanCache.PeriodAsync(db, periodId, ct)
        ?? throw new PlanChangedException("period", periodId);

    public static async Task<Activity> ActivityAsync(YouthMonthDb db, int activityId, CancellationToken ct) =>
        await PlanCache.ActivityAsync(db, activityId, ct)
        ?? throw new PlanChangedException("activity", activityId);

    public static async Task<Metric> MetricAsync(YouthMonthDb db, int campaignId, string code, CancellationToken ct) =>
        (await PlanCache.CampaignAsync(db, campaignId, ct))?.Metrics.FirstOrDefault(m => m.Code == code)
        ?? throw new PlanChangedException("metric", code);

    public static async Task<Report> ReportAsync(YouthMonthDb db, int periodId, int unitId, CancellationToken ct) =>
        await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct)
        ?? throw new PlanChangedException("report of period", periodId);

    public static async Task<List<Metric>> MetricsAsync(YouthMonthDb db, int campaignId, CancellationToken ct) =>
        (await PlanCache.CampaignAsync(db, campaignId, ct))?.Metrics.ToList() ?? [];

    /// <summary>
    /// The unit's last report before <paramref name="periodId"/> (same campaign, not a final report) that gave
    /// <paramref name="code"/>: its value (all its activities together) and its period's label; null when none did.
    /// </summary>
    public static async Task<(decimal Value, string Period)?> PreviousValueAsync(YouthMonthDb db, int unitId, ReportingPeriod period,
        string code, CancellationToken ct)
    {
        var row = await db.ReportValues.AsNoTracking()
            .Where(v => v.MetricCode == code && v.Report!.UnitId == unitId && v.Report.PeriodId != period.Id
                && v.Report.Status == Reporting.ReportStatus.Submitted && v.Report.Period!.CampaignId == period.CampaignId
                && v.Report.Period.Kind != PeriodKind.Final && v.Report.Period.DeadlineUtc < period.DeadlineUtc)
            .GroupBy(v => new { v.ReportId, v.Report!.Period!.DeadlineUtc, v.Report.Period.Label })
            .OrderByDescending(g => g.Key.DeadlineUtc)
            .Select(g => new { g.Key.Label, Value = g.Sum(v => v.Value) })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Value, row.Label);
    }

    /// <summary>
    /// The median of the other units' last reports of <paramref name="code"/> in the campaign (each report's activities
    /// together, this period included, final reports not), for a unit with no history of its own; null when fewer than
    /// <paramref name="minUnits"/> units have one, since a median of two or three says little.
    /// </summary>
    public static async Task<decimal?> OthersMedianAsync(YouthMonthDb db, int unitId, ReportingPeriod period, string code, int minUnits,
        CancellationToken ct)
    {
        var rows = await db.ReportValues.AsNoTracking()
            .Where(v => v.MetricCode == code && v.Report!.UnitId != unitId
                && v.Report.Status == Reporting.ReportStatus.Submitted && v.Report.Period!.CampaignId == period.CampaignId
                && v.Report.Period.Kind != PeriodKind.Final && v.Report.Period.DeadlineUtc <= period.DeadlineUtc)
            .GroupBy(v => new { v.Report!.UnitId, v.ReportId, v.Report.Period!.DeadlineUtc })
            .Select(g => new { g.Key.UnitId, g.Key.DeadlineUtc, Value = g.Sum(v => v.Value) })
            .ToListAsync(ct);
        var last = rows.GroupBy(r => r.UnitId).Select(g => g.MaxBy(r => r.DeadlineUtc)!.Value).Order().ToList();
        if (last.Count < minUnits) return null;
        var mid = last.Count / 2;
        return last.Count % 2 == 1 ? last[mid] : (last[mid - 1] + last[mid]) / 2;
    }

    /// <summary>The numbers asked for an activity of this category, participants (asked on its own) excluded.</summary>
    public static List<Metric> ForCategory(IEnumerable<Metric> metrics, string category) =>
        metrics.Where(m => m.Code != MetricCatalog.Participants && (m.Categories.Count == 0 || m.Categories.Contains(category))).ToList();
}
