using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Scheduling;

/// <summary>
/// The text posted to the leader chats after a period's deadline. Until the summaries issue lands it is the
/// reporting status; swapping in the compiled summary is the one line in <see cref="BuildAsync"/>.
/// </summary>
public static class PostDeadlineText
{
    public static async Task<string> BuildAsync(YouthMonthDb db, Campaign campaign, ReportingPeriod period,
        TimeZoneInfo zone, CancellationToken ct)
    {
        return await ReportingStatusAsync(db, campaign, period, zone, ct);
    }

    /// <summary>"Tình hình báo cáo tuần 2 …: đã báo cáo 44/51 (đúng hạn 40, trễ hạn 4) …" and who is missing.</summary>
    public static async Task<string> ReportingStatusAsync(YouthMonthDb db, Campaign campaign, ReportingPeriod period,
        TimeZoneInfo zone, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.OrganisationId == campaign.OrganisationId && u.Active)
            .OrderBy(u => u.Name).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == period.Id && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.NoActivity))
            .Select(r => new { r.UnitId, r.Status, r.IsLate }).ToListAsync(ct);
        var reported = reports.Where(r => units.Any(u => u.Id == r.UnitId)).ToList();
        var missing = units.Where(u => reported.All(r => r.UnitId != u.Id)).ToList();
        var deadline = VietnamTime.FormatDeadline(VietnamTime.ToLocal(period.DeadlineUtc, zone));
        var lines = new List<string>
        {
            $"📊 Tình hình báo cáo {SchedulingTexts.PeriodName(period)} – {campaign.Name} (hạn chót {deadline}):",
            $"- Đã báo cáo: {reported.Count}/{units.Count} đơn vị (đúng hạn {reported.Count(r => !r.IsLate)}, trễ hạn {reported.Count(r => r.IsLate)}; "
                + $"không có hoạt động {reported.Count(r => r.Status == ReportStatus.NoActivity)}).",
            missing.Count == 0 ? "- Không còn đơn vị nào chưa báo cáo." : $"- Chưa báo cáo: {missing.Count} đơn vị: {string.Join("; ", missing.Select(u => u.Name))}.",
        };
        return string.Join('\n', lines);
    }
}
