using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// /baocao and /sua: finds the period (or lets the person pick another), offers to edit when the unit has
/// already reported, records "no activity" in one step, and hands over to the dialog for the period's kind.
/// </summary>
public sealed class ReportStarter(IEnumerable<IReportDialog> dialogs) : IDialog
{
    public const string DialogName = "report_start";
    public string Name => DialogName;

    public string DescribeProgress(DialogContext ctx) => ReportTexts.Progress(ctx.Data<ReportDraft>().PeriodLabel);

    public async Task StartAsync(DialogContext ctx, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        if (started.Count == 0)
        {
            var first = await ctx.Db.Periods.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.WindowStart).FirstOrDefaultAsync(ct);
            ctx.Say(ReportTexts.NoPeriodYet(first is null ? null : ReportTexts.PeriodLine(first, ctx.Zone)));
            return;
        }
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var period = ReportPeriods.ChooseDefault(started, reports, ctx.Now, ctx.Today)!;
        await BeginForPeriodAsync(ctx, period, reports.FirstOrDefault(r => r.PeriodId == period.Id), canPickOther: started.Count > 1, ct);
    }

    public async Task StartEditAsync(DialogContext ctx, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var editable = started.Where(p => reports.Any(r => r.PeriodId == p.Id && ReportWriter.CanEdit(r, p, ctx.Now))).ToList();
        if (editable.Count == 0)
        {
            var last = started.LastOrDefault(p => reports.Any(r => r.PeriodId == p.Id));
            ctx.Say(last is null ? ReportTexts.NothingToEdit : ReportTexts.TooLateToEdit(last.Label, ReportTexts.Deadline(last, ctx.Zone)));
            return;
        }
        if (editable.Count > 1)
        {
            ctx.Begin(DialogName, new ReportDraft { UnitId = unit.Id, PeriodLabel = editable[0].Label });
            ctx.Ask("pick_edit", Prompts.Choice(ReportTexts.PickEdit,
                editable.Select(p => new Choice("p:" + p.Id.ToString(CultureInfo.InvariantCulture), ReportTexts.PeriodLine(p, ctx.Zone)))));
            return;
        }
        var period = editable[0];
        await EditAsync(ctx, period, reports.Single(r => r.PeriodId == period.Id), ct);
    }

    private async Task BeginForPeriodAsync(DialogContext ctx, ReportingPeriod period, Report? existing, bool canPickOther, CancellationToken ct)
    {
        var draft = new ReportDraft { PeriodId = period.Id, UnitId = ctx.Unit!.Id, PeriodLabel = period.Label, Kind = period.Kind };
        ctx.Begin(DialogName, draft);
        var late = ctx.Now > period.DeadlineUtc;
        if (existing is not null)
        {
            var at = VietnamTime.ToLocal(existing.SubmittedAt ?? existing.CreatedAt, ctx.Zone);
            var when = $"{VietnamTime.FormatTime(TimeOnly.FromDateTime(at))} ngày {VietnamTime.FormatDate(DateOnly.FromDateTime(at))}";
            if (!ReportWriter.CanEdit(existing, period, ctx.Now))
            {
                ctx.End();
                ctx.Say(ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone)));
                return;
            }
            ctx.Ask("existing", Prompts.YesNo(ReportTexts.AlreadySent(period.Label, existing.SubmittedBy?.Name, when),
                ReportTexts.EditExisting, ReportTexts.KeepExisting));
            return;
        }
        if (period.Kind == PeriodKind.Weekly)
        {
            List<Choice> choices = [new("act", ReportTexts.ReportActivities), new("none", ReportTexts.NoActivity)];
            if (canPickOther) choices.Add(new("other", ReportTexts.OtherPeriod));
            ctx.Ask("weekly_start", Prompts.Choice(ReportTexts.AskWeekly(period, ctx.Zone, late), choices));
            return;
        }
        await DialogFor(period.Kind).BeginAsync(ctx, draft, period, ct);
    }

    private async Task EditAsync(DialogContext ctx, ReportingPeriod period, Report report, CancellationToken ct)
    {
        var draft = await ReportWriter.LoadDraftAsync(ctx, report, period, ct);
        if (report.Review == ReviewStatus.Returned) ctx.Note(ReportTexts.Returned(period.Label, report.ReviewReason));
        if (report.Status == ReportStatus.NoActivity)
        {
            // Nothing to review: ask again whether the unit had activities (it may now report some).
            ctx.Begin(DialogName, draft);
            ctx.Ask("weekly_start", Prompts.Choice(ReportTexts.AskWeekly(period, ctx.Zone, late: false),
                [new Choice("act", ReportTexts.ReportActivities), new Choice("none", ReportTexts.NoActivity)]));
            return;
        }
        var dialog = DialogFor(period.Kind);
        ctx.Begin(dialog.Name, draft);
        await dialog.ShowReviewAsync(ctx, draft, ct);
    }

    public async Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct)
    {
        var draft = ctx.Data<ReportDraft>();
        if (step == "pick_edit" && answer.ChoiceKey is { } pick && pick.StartsWith("p:", StringComparison.Ordinal))
        {
            var pickedId = int.Parse(pick[2..], CultureInfo.InvariantCulture);
            var toEdit = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == pickedId, ct);
            var existingReport = await ctx.Db.Reports.AsNoTracking().SingleAsync(r => r.PeriodId == pickedId && r.UnitId == draft.UnitId, ct);
            await EditAsync(ctx, toEdit, existingReport, ct);
            return;
        }
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        switch (step, answer.ChoiceKey)
        {
            case ("existing", ChoiceKeys.Yes):
                var report = await ctx.Db.Reports.AsNoTracking().SingleAsync(r => r.PeriodId == period.Id && r.UnitId == draft.UnitId, ct);
                await EditAsync(ctx, period, report, ct);
                return;
            case ("existing", _):
                ctx.End();
                ctx.Say(ReportTexts.KeptExisting);
                return;
            case ("weekly_start", "act"):
                var dialog = DialogFor(period.Kind);
                ctx.Begin(dialog.Name, draft);
                await dialog.BeginAsync(ctx, draft, period, ct);
                return;
            case ("weekly_start", "none"):
                var outcome = await ReportWriter.SaveAsync(ctx, draft, ReportStatus.NoActivity, ct);
                ctx.End();
                ctx.Say(outcome == ReportWriter.Outcome.TooLateToEdit
                    ? ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone))
                    : ReportTexts.SentNoActivity(period.Label, ctx.Now > period.DeadlineUtc));
                return;
            case ("weekly_start", _):
                var started = await ReportPeriods.StartedAsync(ctx.Db, period.CampaignId, ctx.Today, ct);
                ctx.Ask("pick_period", Prompts.Choice(ReportTexts.PickPeriod,
                    started.Select(p => new Choice("p:" + p.Id.ToString(CultureInfo.InvariantCulture), ReportTexts.PeriodLine(p, ctx.Zone)))));
                return;
            case ("pick_period", { } key) when key.StartsWith("p:", StringComparison.Ordinal):
                var id = int.Parse(key[2..], CultureInfo.InvariantCulture);
                var picked = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == id, ct);
                var existing = await ctx.Db.Reports.AsNoTracking().Include(r => r.SubmittedBy)
                    .FirstOrDefaultAsync(r => r.PeriodId == id && r.UnitId == draft.UnitId && r.Status != ReportStatus.Draft, ct);
                await BeginForPeriodAsync(ctx, picked, existing, canPickOther: false, ct);
                return;
        }
        ctx.AskAgain(EngineTexts.NotAChoice);
    }

    private IReportDialog DialogFor(PeriodKind kind) => dialogs.First(d => d.Handles(kind));
}
