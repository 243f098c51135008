using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The final report: campaign totals prefilled from the unit's own reports to confirm or correct, a free-text
/// assessment, and the nominations (one collective, one individual, each with name and reason).
/// </summary>
public sealed class FinalReportDialog : Dialog<ReportDraft>, IReportDialog
{
    public const string DialogName = "final_report";

    // Step names (stored in DialogState.Step).
    public const string Totals = "totals";
    public const string TotalPick = "total_pick";
    public const string TotalValue = "total_value";
    public const string Assessment = "assessment";
    public const string CollectiveName = "col_name";
    public const string CollectiveReason = "col_reason";
    public const string IndividualName = "ind_name";
    public const string IndividualReason = "ind_reason";

    public override string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Final;
    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var sums = await ctx.Db.ReportValues.AsNoTracking()
            .Where(v => v.Report!.UnitId == draft.UnitId && v.Report.Period!.CampaignId == period.CampaignId
                && v.Report.Period.Kind != PeriodKind.Final && v.Report.Status == ReportStatus.Submitted)
            .GroupBy(v => v.MetricCode).Select(g => new { Code = g.Key, Total = g.Sum(v => v.Value) }).ToListAsync(ct);
        draft.Totals = sums.Where(s => s.Total > 0).ToDictionary(s => s.Code, s => s.Total);
        Begin(ctx, draft);
        ctx.Note(FinalTexts.Start(period.Label, ReportTexts.PeriodLine(period, ctx.Zone), ctx.Now > period.DeadlineUtc));
        await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
        ctx.SetData(draft);
    }

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        switch (step)
        {
            case Totals when answer.ChoiceKey == "ok":
                await NextOrReviewAsync(ctx, draft, () => AskAssessment(ctx), ct);
                break;
            case Totals:
                ctx.Ask(TotalPick, Prompts.Choice(FinalTexts.PickTotal,
                    metrics.Select(m => new Choice("m:" + m.Code, m.Label)).Append(new Choice("back", FinalTexts.TotalsDone))));
                break;
            case TotalPick when answer.ChoiceKey == "back":
                await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
                break;
            case TotalPick:
                var metric = metrics.FirstOrDefault(m => "m:" + m.Code == answer.ChoiceKey)
                    ?? throw new PlanChangedException("metric", answer.ChoiceKey ?? "");
                draft.MetricQueue = [metric.Code];
                var text = FinalTexts.AskTotal(metric.Label, metric.Unit);
                ctx.Ask(TotalValue, metric.Kind == MetricKind.Money ? Prompts.Money(text) : Prompts.Number(text, metric.Unit));
                break;
            case TotalValue:
                await ActivitySteps.RecordMetricAsync(ctx, draft, draft.Totals, answer, period.CampaignId, ct);
                await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
                break;
            case Assessment:
                draft.Assessment = answer.Text;
                await NextOrReviewAsync(ctx, draft, () => AskName(ctx, CollectiveName), ct);
                break;
            case CollectiveName:
                draft.CollectiveName = answer.Text;
                ctx.Ask(CollectiveReason, Prompts.Text(FinalTexts.AskCollectiveReason, FinalTexts.ReasonExample) with { MaxLength = 4000 });
                break;
            case CollectiveReason:
                draft.CollectiveReason = answer.Text;
                await NextOrReviewAsync(ctx, draft, () => AskName(ctx, IndividualName), ct);
                break;
            case IndividualName:
                draft.IndividualName = answer.Text;
                ctx.Ask(IndividualReason, Prompts.Text(FinalTexts.AskIndividualReason, FinalTexts.ReasonExample) with { MaxLength = 4000 });
                break;
            case IndividualReason:
                draft.IndividualReason = answer.Text;
                await ShowReviewAsync(ctx, draft, ct);
                break;
            case ReportSteps.Review when answer.ChoiceKey == "send":
                await ReportWriter.SendAsync(ctx, draft, period, ct);
                break;
            case ReportSteps.Review:
                draft.Fixing = true;
                ctx.Ask(ReportSteps.FixField, Prompts.Choice(ReportTexts.PickFixField,
                [
                    new(Totals, FinalTexts.FieldTotals), new(Assessment, FinalTexts.FieldAssessment),
                    new("collective", FinalTexts.FieldCollective), new("individual", FinalTexts.FieldIndividual),
                ]));
                break;
            case ReportSteps.FixField:
                switch (answer.ChoiceKey)
                {
                    case Totals: await AskTotalsAsync(ctx, draft, period.CampaignId, ct); break;
                    case Assessment: AskAssessment(ctx); break;
                    case "collective": AskName(ctx, CollectiveName); break;
                    default: AskName(ctx, IndividualName); break;
                }
                break;
        }
    }

    private static void AskAssessment(DialogContext ctx) =>
        ctx.Ask(Assessment, Prompts.Text(FinalTexts.AskAssessment, FinalTexts.AssessmentExample) with { MaxLength = 8000 });

    private static void AskName(DialogContext ctx, string step) => ctx.Ask(step, step == CollectiveName
        ? Prompts.Text(FinalTexts.AskCollectiveName, FinalTexts.CollectiveExample) with { MaxLength = 300 }
        : Prompts.Text(FinalTexts.AskIndividualName, FinalTexts.IndividualExample) with { MaxLength = 300 });

    private static async Task AskTotalsAsync(DialogContext ctx, ReportDraft draft, int campaignId, CancellationToken ct)
    {
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, campaignId, ct);
        ctx.Ask(Totals, Prompts.Choice(TotalsText(draft, metrics) + "\n\n" + FinalTexts.TotalsQuestion,
            [new Choice("ok", FinalTexts.TotalsOk), new Choice("fix", FinalTexts.TotalsFix)]));
    }

    private static string TotalsText(ReportDraft draft, IReadOnlyList<Metric> metrics)
    {
        var sb = new StringBuilder(FinalTexts.TotalsIntro).Append('\n');
        if (draft.Totals.Count == 0) sb.Append(FinalTexts.NoTotals).Append('\n');
        DraftReview.AppendValues(sb, draft.Totals, metrics, "• ");
        return sb.ToString().TrimEnd();
    }

    public override async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        var text = FinalTexts.Review(draft.PeriodLabel, ctx.Unit!.Name, TotalsText(draft, metrics), draft.Assessment,
            draft.CollectiveName, draft.CollectiveReason, draft.IndividualName, draft.IndividualReason);
        ctx.Ask(ReportSteps.Review, Prompts.Choice(text, [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
