using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// A final-kind report, asking only what the period's <see cref="PeriodQuestions"/> say: campaign totals
/// prefilled from the unit's weekly reports to confirm or correct, the assessment ("Mặt được", "Hạn chế"), and
/// the nominations (how many of which kinds, with which fields). A nominee or "Hạn chế" can be skipped.
/// </summary>
public sealed class FinalReportDialog : Dialog<ReportDraft>, IReportDialog
{
    public const string DialogName = "final_report";

    // Step names (stored in DialogState.Step).
    public const string Totals = "totals";
    public const string TotalPick = "total_pick";
    public const string TotalValue = "total_value";
    public const string Assessment = "assessment";
    public const string Limitations = "limitations";
    public const string NomineeName = "nom_name";
    public const string NomineePosition = "nom_position";
    public const string NomineeReason = "nom_reason";
    private const string FixNominations = "nominations";

    public override string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Final;
    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    private static PeriodQuestions QuestionsOf(ReportingPeriod period) => PeriodQuestions.For(period) ?? PeriodQuestions.DefaultFor(PeriodKind.Final)!;

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var q = QuestionsOf(period);
        // Only the weekly reports: kick-off and event-day numbers are usually counted again in that week's report,
        // so adding them would overstate the month (and the text says "cộng từ các báo cáo tuần").
        var sums = await ctx.Db.ReportValues.AsNoTracking()
            .Where(v => v.Report!.UnitId == draft.UnitId && v.Report.Period!.CampaignId == period.CampaignId
                && v.Report.Period.Kind == PeriodKind.Weekly && v.Report.Status == ReportStatus.Submitted)
            .GroupBy(v => v.MetricCode).Select(g => new { Code = g.Key, Total = g.Sum(v => v.Value) }).ToListAsync(ct);
        draft.Totals = q.AsksNumbers
            ? sums.Where(s => s.Total > 0 && (q.Metrics is null || q.Metrics.Contains(s.Code))).ToDictionary(s => s.Code, s => s.Total)
            : [];
        Begin(ctx, draft);
        ctx.Note(FinalTexts.Start(period.Label, ReportTexts.PeriodLine(period, ctx.Zone), ctx.Now > period.DeadlineUtc));
        if (q.AsksNumbers) await AskTotalsAsync(ctx, draft, period, ct);
        else await AfterTotalsAsync(ctx, draft, q, ct);
        ctx.SetData(draft);
    }

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var q = QuestionsOf(period);
        switch (step)
        {
            case Totals when answer.ChoiceKey == "ok":
                await NextOrReviewAsync(ctx, draft, () => AfterTotalsAsync(ctx, draft, q, ct), ct);
                break;
            case Totals:
                var asked = await AskedMetricsAsync(ctx, period, q, ct);
                ctx.Ask(TotalPick, Prompts.Choice(FinalTexts.PickTotal,
                    asked.Select(m => new Choice("m:" + m.Code, m.Label)).Append(new Choice("back", FinalTexts.TotalsDone))));
                break;
            case TotalPick when answer.ChoiceKey == "back":
                await AskTotalsAsync(ctx, draft, period, ct);
                break;
            case TotalPick:
                var metric = (await AskedMetricsAsync(ctx, period, q, ct)).FirstOrDefault(m => "m:" + m.Code == answer.ChoiceKey)
                    ?? throw new PlanChangedException("metric", answer.ChoiceKey ?? "");
                draft.MetricQueue = [metric.Code];
                var text = FinalTexts.AskTotal(metric.Label, metric.Unit);
                ctx.Ask(TotalValue, metric.Kind == MetricKind.Money ? Prompts.Money(text) : Prompts.Number(text, metric.Unit));
                break;
            case TotalValue:
                await ActivitySteps.RecordMetricAsync(ctx, draft, draft.Totals, answer, period.CampaignId, ct, draft.ApproximateTotals);
                await AskTotalsAsync(ctx, draft, period, ct);
                break;
            case Assessment:
                draft.Assessment = answer.Text;
                await NextOrReviewAsync(ctx, draft, () => AskLimitations(ctx), ct);
                break;
            case Limitations:
                draft.Limitations = answer.Skipped ? null : answer.Text;
                await NextOrReviewAsync(ctx, draft, () => BeginNominationsAsync(ctx, draft, q, ct), ct);
                break;
            case NomineeName when answer.Skipped:
                // No (more) nominee of this kind: on to the next kind.
                draft.NominationSlot = (draft.NominationSlot / q.NominationsPerKind + 1) * q.NominationsPerKind;
                await AskNomineeOrReviewAsync(ctx, draft, q, ct);
                break;
            case NomineeName:
                draft.Nominations.Add(new NominationDraft { Kind = KindOf(q, draft.NominationSlot), Name = answer.Text! });
                await AfterNomineeFieldAsync(ctx, draft, q, NominationField.Name, ct);
                break;
            case NomineePosition:
                draft.Nominations[^1].Position = answer.Skipped ? null : answer.Text;
                await AfterNomineeFieldAsync(ctx, draft, q, NominationField.UnitOrPosition, ct);
                break;
            case NomineeReason:
                draft.Nominations[^1].Reason = answer.Text;
                await AfterNomineeFieldAsync(ctx, draft, q, NominationField.Achievement, ct);
                break;
            case ReportSteps.Review when answer.ChoiceKey == "send":
                await ReportWriter.SendAsync(ctx, draft, period, ct);
                break;
            case ReportSteps.Review:
                draft.Fixing = true;
                List<Choice> fields = [];
                if (q.AsksNumbers) fields.Add(new(Totals, FinalTexts.FieldTotals));
                if (q.Assessment) { fields.Add(new(Assessment, FinalTexts.FieldStrengths)); fields.Add(new(Limitations, FinalTexts.FieldLimitations)); }
                if (q.AsksNominations) fields.Add(new(FixNominations, FinalTexts.FieldNominations));
                ctx.Ask(ReportSteps.FixField, Prompts.Choice(ReportTexts.PickFixField, fields));
                break;
            case ReportSteps.FixField:
                switch (answer.ChoiceKey)
                {
                    case Totals: await AskTotalsAsync(ctx, draft, period, ct); break;
                    case Assessment: AskAssessment(ctx); break;
                    case Limitations: AskLimitations(ctx); break;
                    default:
                        // The nominees are asked again from the first; the review follows the last.
                        draft.Fixing = false;
                        await BeginNominationsAsync(ctx, draft, q, ct);
                        break;
                }
                break;
        }
    }

    private Task AfterTotalsAsync(DialogContext ctx, ReportDraft draft, PeriodQuestions q, CancellationToken ct)
    {
        if (q.Assessment) { AskAssessment(ctx); return Task.CompletedTask; }
        return BeginNominationsAsync(ctx, draft, q, ct);
    }

    private static void AskAssessment(DialogContext ctx) =>
        ctx.Ask(Assessment, Prompts.Text(FinalTexts.AskStrengths, FinalTexts.StrengthsExample) with { MaxLength = 8000 });

    private static void AskLimitations(DialogContext ctx) =>
        ctx.Ask(Limitations, Prompts.Text(FinalTexts.AskLimitations, FinalTexts.LimitationsExample, skippable: true) with { MaxLength = 8000 });

    private Task BeginNominationsAsync(DialogContext ctx, ReportDraft draft, PeriodQuestions q, CancellationToken ct)
    {
        draft.Nominations.Clear();
        draft.NominationSlot = 0;
        return AskNomineeOrReviewAsync(ctx, draft, q, ct);
    }

    /// <summary>The nominee in slot <see cref="ReportDraft.NominationSlot"/> (kind by kind, in the plan's order), or the review after the last.</summary>
    private async Task AskNomineeOrReviewAsync(DialogContext ctx, ReportDraft draft, PeriodQuestions q, CancellationToken ct)
    {
        if (!q.AsksNominations || draft.NominationSlot >= q.NominationsPerKind * q.NominationKinds.Count)
        {
            await ShowReviewAsync(ctx, draft, ct);
            return;
        }
        var kind = KindOf(q, draft.NominationSlot);
        var ordinal = draft.NominationSlot % q.NominationsPerKind + 1;
        ctx.Ask(NomineeName, Prompts.Text(FinalTexts.AskNomineeName(kind, ordinal, q.NominationsPerKind), FinalTexts.NameExample(kind), skippable: true)
            with { MaxLength = 300 });
    }

    private async Task AfterNomineeFieldAsync(DialogContext ctx, ReportDraft draft, PeriodQuestions q, NominationField answered, CancellationToken ct)
    {
        var kind = KindOf(q, draft.NominationSlot);
        if (answered < NominationField.UnitOrPosition && q.Asks(NominationField.UnitOrPosition))
        {
            ctx.Ask(NomineePosition, Prompts.Text(FinalTexts.AskNomineePosition(kind), FinalTexts.PositionExample(kind), skippable: true) with { MaxLength = 300 });
            return;
        }
        if (answered < NominationField.Achievement && q.Asks(NominationField.Achievement))
        {
            ctx.Ask(NomineeReason, Prompts.Text(FinalTexts.AskNomineeReason(kind), FinalTexts.ReasonExample) with { MaxLength = 4000 });
            return;
        }
        draft.NominationSlot++;
        await AskNomineeOrReviewAsync(ctx, draft, q, ct);
    }

    private static NominationKind KindOf(PeriodQuestions q, int slot) => q.NominationKinds[Math.Min(slot / q.NominationsPerKind, q.NominationKinds.Count - 1)];

    private static async Task<List<Metric>> AskedMetricsAsync(DialogContext ctx, ReportingPeriod period, PeriodQuestions q, CancellationToken ct)
    {
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        return q.Metrics is null ? metrics : metrics.Where(m => q.Metrics.Contains(m.Code)).ToList();
    }

    private static async Task AskTotalsAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var metrics = await AskedMetricsAsync(ctx, period, QuestionsOf(period), ct);
        ctx.Ask(Totals, Prompts.Choice(TotalsText(draft, metrics) + "\n\n" + FinalTexts.TotalsQuestion,
            [new Choice("ok", FinalTexts.TotalsOk), new Choice("fix", FinalTexts.TotalsFix)]));
    }

    private static string TotalsText(ReportDraft draft, IReadOnlyList<Metric> metrics)
    {
        var sb = new StringBuilder(FinalTexts.TotalsIntro).Append('\n');
        if (draft.Totals.Count == 0) sb.Append(FinalTexts.NoTotals).Append('\n');
        DraftReview.AppendValues(sb, draft.Totals, metrics, "• ", approximate: draft.ApproximateTotals);
        return sb.ToString().TrimEnd();
    }

    public override async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var q = QuestionsOf(period);
        var sb = new StringBuilder(FinalTexts.ReviewHeader(draft.PeriodLabel, ctx.Unit!.Name)).Append("\n\n");
        if (q.AsksNumbers) sb.Append(TotalsText(draft, await AskedMetricsAsync(ctx, period, q, ct))).Append("\n\n");
        if (q.Assessment)
            sb.Append(FinalTexts.ReviewStrengths).Append(draft.Assessment).Append('\n')
              .Append(FinalTexts.ReviewLimitations).Append(draft.Limitations ?? FinalTexts.None).Append("\n\n");
        if (q.AsksNominations)
        {
            if (draft.Nominations.Count == 0) sb.Append(FinalTexts.NoNominations).Append('\n');
            foreach (var n in draft.Nominations) sb.Append(FinalTexts.ReviewNominee(n)).Append('\n');
            sb.Append('\n');
        }
        sb.Append(ReportTexts.ReviewFooter);
        ctx.Ask(ReportSteps.Review, Prompts.Choice(sb.ToString(), [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
