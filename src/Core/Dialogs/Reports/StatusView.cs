using System.Text;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>/trangthai: the periods of the unit's own campaign so far, what it has sent and what is still due. Nothing about other units.</summary>
public sealed class StatusView
{
    public async Task ShowAsync(DialogContext ctx, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var sb = new StringBuilder($"{ReportTexts.StatusHeader} {unit.Name} — {campaign.Name}:\n");
        if (started.Count == 0) sb.Append(ReportTexts.NoPeriodYet(null)).Append('\n');
        foreach (var p in started)
        {
            sb.Append("• ").Append(p.Label).Append(": ");
            var r = reports.FirstOrDefault(x => x.PeriodId == p.Id);
            if (r is null)
                sb.Append(ctx.Now > p.DeadlineUtc ? ReportTexts.StatusOverdue : $"{ReportTexts.StatusMissing} — hạn {ReportTexts.Deadline(p, ctx.Zone)}");
            else
            {
                var at = VietnamTime.ToLocal(r.SubmittedAt ?? r.CreatedAt, ctx.Zone);
                sb.Append("đã gửi ").Append(VietnamTime.FormatTime(TimeOnly.FromDateTime(at))).Append(' ')
                  .Append(at.Day.ToString("00", VietnamTime.Culture)).Append('/').Append(at.Month)
                  .Append(" (").Append(r.IsLate ? ReportTexts.StatusLate : ReportTexts.StatusOnTime);
                if (r.Status == ReportStatus.NoActivity) sb.Append(", ").Append(ReportTexts.StatusNoActivity);
                sb.Append(')');
            }
            sb.Append('\n');
        }
        sb.Append("\nGõ /baocao để báo cáo, /sua để sửa báo cáo còn trong hạn.");
        ctx.Say(sb.ToString());
    }
}
