using System.Text;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>/trangthai: the periods of the unit's own campaign so far, what it has sent and what is still due. Nothing about other units.</summary>
public sealed class StatusView : IDeclaresCommands
{
    public IEnumerable<DialogCommand> Commands =>
    [
        new("trangthai", (ctx, _, ct) => ShowAsync(ctx, ct))
        { Aliases = ["status"], Menu = ReportTexts.MenuStatus, MenuOrder = 20, Mode = CommandMode.ThenAskAgain },
    ];

    public async Task ShowAsync(DialogContext ctx, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var sb = new StringBuilder(ReportTexts.StatusTitle(unit.Name, campaign.Name)).Append('\n');
        if (started.Count == 0) sb.Append(ReportTexts.NoPeriodYet(null)).Append('\n');
        foreach (var p in started)
        {
            sb.Append("• ").Append(p.Label).Append(": ");
            var r = reports.FirstOrDefault(x => x.PeriodId == p.Id);
            if (r is null)
                sb.Append(ctx.Now > p.DeadlineUtc ? ReportTexts.StatusOverdue : ReportTexts.StatusDue(ReportTexts.Deadline(p, ctx.Zone)));
            else
            {
                sb.Append(ReportTexts.StatusSent(VietnamTime.ToLocal(r.SubmittedAt ?? r.CreatedAt, ctx.Zone)))
                  .Append(" (").Append(r.IsLate ? ReportTexts.StatusLate : ReportTexts.StatusOnTime);
                if (r.Status == ReportStatus.NoActivity) sb.Append(", ").Append(ReportTexts.StatusNoActivity);
                sb.Append(')');
            }
            sb.Append('\n');
        }
        sb.Append('\n').Append(ReportTexts.StatusFooter);
        ctx.Say(sb.ToString());
    }
}
