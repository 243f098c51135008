using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// A final-kind report, asking only what the period's <see cref="PeriodQuestions"/> say: campaign totals
/// prefilled from the unit's weekly reports to confirm or correct, the assessment ("Mặt được", "Hạn chế"), and
/// the nominations (how many of which kinds, with which fields). A nominee or "Hạn chế" can be skipped. A total
/// that no longer equals the sum of the unit's weekly reports shows that sum beside it, and the review offers to
/// take the sums; a total ten times the sum is confirmed first, as the weekly report confirms a jump.
/// </summary>
public sealed class FinalReportDialog : Dialog<ReportDraft>, IReportDialog
{
    public const string DialogName = "final_report";

    // Step names (stored in DialogState.Step).
    public const string Totals = "totals";
    public const string TotalPick = "total_pick";
    public const string TotalValue = "total_value";
    public const string TotalConfirm = "total_confirm";
    public const string Assessment = "assessment";
    public const string Limitations = "limitations";
    public const string NomineeName = "nom_name";
    public const string NomineePosition = "nom_position";
    public const string NomineeReason = "nom_reason";
    private const string FixNominations = "nominations";
    /// <summary>The review's "Dùng tổng các tuần".</summary>
    public const string UseWeeklySums = "weekly";

    public override string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Final;
    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    private static PeriodQuestions QuestionsOf(ReportingPeriod period) => PeriodQuestions.For(period) ?? PeriodQuestions.DefaultFor(PeriodKind.Final)!;

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var q = QuestionsOf(period);
        // Only the weekly reports: kick-off and event-day numbers are usually counted again in that week's report,
        // so adding them would overstate the month (and the text says "cộng từ các báo cáo tuần").
        var sums = q.AsksNumbers ? await WeeklySumsAsync(ctx, draft, period, q, ct) : [];
        draft.Totals = sums.ToDictionary(w => w.MetricCode, w => w.Value);
        draft.ApproximateTotals = sums.Where(w => w.Approximate).Select(w => w.MetricCode).ToList();
        Begin(ctx, draft);
        ctx.Note(FinalTexts.Start(period.Label, ReportTexts.PeriodLine(period, ctx.Zone), ctx.Now > period.DeadlineUtc));
        // Nothing to confirm and nothing that could be typed (no metric asked): no totals screen at all.
        if (await AsksNumbersAsync(ctx, period, q, ct)) await AskTotalsAsync(ctx, draft, period, ct);
        else await AfterTotalsAsync(ctx, draft, q, ct);
        ctx.SetData(draft);
    }

    private static async Task<bool> AsksNumbersAsync(DialogContext ctx, ReportingPeriod period, PeriodQuestions q, CancellationToken ct) =>
        q.AsksNumbers && (await AskedMetricsAsync(ctx, period, q, ct)).Count > 0;

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var q = QuestionsOf(period);
        switch (step)
        {
            case Totals when answer.ChoiceKey == "ok" || (answer.ChoiceKey is null && ActivitySteps.IsYes(answer.Text)):
                await NextOrReviewAsync(ctx, draft, () => AfterTotalsAsync(ctx, draft, q, ct), ct);
                break;
            case Totals when answer.ChoiceKey is null && answer.Text is { } typedTotals:
                await ReadTypedTotalsAsync(ctx, draft, period, q, typedTotals, null, ct);
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
                if (answer.Number is { } typed && await DoubtAsync(ctx, draft, period, q, draft.MetricQueue[0], typed, answer.Approximate, ct)) break;
                draft.Pending.Clear();
                await ActivitySteps.RecordMetricAsync(ctx, draft, draft.Totals, answer, period.CampaignId, ct, draft.ApproximateTotals);
                await AskTotalsAsync(ctx, draft, period, ct);
                break;
            case TotalConfirm:
                await ConfirmTotalAsync(ctx, draft, period, q, answer, ct);
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
            case ReportSteps.Review when answer.ChoiceKey == UseWeeklySums:
                // Only the totals that differ change; the person's other numbers (and their marks) stay.
                var taken = new List<(Metric, decimal, bool)>();
                var metrics = await AskedMetricsAsync(ctx, period, q, ct);
                foreach (var w in await WeeklySumsAsync(ctx, draft, period, q, ct))
                {
                    if (draft.Totals.TryGetValue(w.MetricCode, out var had) && had == w.Value) continue;
                    draft.Totals[w.MetricCode] = w.Value;
                    ReportDraft.Mark(draft.ApproximateTotals, w.MetricCode, w.Approximate);
                    if (metrics.FirstOrDefault(m => m.Code == w.MetricCode) is { } m) taken.Add((m, w.Value, w.Approximate));
                }
                if (taken.Count > 0) ctx.Note(FinalTexts.TookWeeklySums(taken));
                await ShowReviewAsync(ctx, draft, ct);
                break;
            case ReportSteps.Review:
                draft.Fixing = true;
                List<Choice> fields = [];
                if (await AsksNumbersAsync(ctx, period, q, ct)) fields.Add(new(Totals, FinalTexts.FieldTotals));
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
        var q = QuestionsOf(period);
        var metrics = await AskedMetricsAsync(ctx, period, q, ct);
        var weekly = await WeeklySumsAsync(ctx, draft, period, q, ct);
        var example = FinalTexts.TypedTotalsExample(metrics);
        // With no number yet, "are these right?" would ask about an empty list: ask for the numbers instead.
        var empty = draft.Totals.Count == 0 && weekly.Count == 0;
        ctx.Ask(Totals, Prompts.Choice(TotalsText(draft, metrics, weekly) + "\n\n" + (empty ? FinalTexts.NoTotalsQuestion(example) : FinalTexts.TotalsQuestion(example)),
            [new Choice("ok", empty ? FinalTexts.NoTotalsOk : FinalTexts.TotalsOk), new Choice("fix", FinalTexts.TotalsFix)]) with { OrText = true, MaxLength = 1000 });
    }

    /// <summary>
    /// Numbers typed at the totals screen ("tham gia 5000, cây xanh 35"): each one named corrects that total, read
    /// and checked as "Sửa một số" checks one (the parser, the cap, ten times the weekly sum); then the screen again.
    /// A bare number says which total it is only where one was named (<paramref name="bare"/>: the corrected doubt).
    /// </summary>
    private static async Task ReadTypedTotalsAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, PeriodQuestions q, string text,
        Metric? bare, CancellationToken ct)
    {
        var asked = await AskedMetricsAsync(ctx, period, q, ct);
        var example = FinalTexts.TypedTotalsExample(asked);
        var unnamed = new Metric { Code = "", Label = "", Unit = "" };
        if (!MetricMessage.TryRead(text, [bare ?? unnamed, .. asked], asked, bare ?? unnamed, example, out var read, out var error))
        {
            ctx.AskAgain(error);
            return;
        }
        if (read.Any(r => r.Metric.Code.Length == 0))
        {
            ctx.AskAgain(FinalTexts.NameTheTotal(example));
            return;
        }
        draft.MetricQueue.Clear();
        var doubts = new List<string>();
        foreach (var (metric, value, _) in read)
            if (await DoubtOfAsync(ctx, draft, period, q, metric, value, ct) is { } doubt) doubts.Add(doubt);
        if (doubts.Count > 0)
        {
            AskToConfirm(ctx, draft, read, doubts);
            return;
        }
        ApplyTotals(ctx, draft, read);
        await AskTotalsAsync(ctx, draft, period, ct);
    }

    private static void AskToConfirm(DialogContext ctx, ReportDraft draft, List<(Metric Metric, decimal Value, bool Approximate)> read, List<string> doubts)
    {
        draft.Pending = read.Select(r => new PendingValue { Code = r.Metric.Code, Value = r.Value, Approximate = r.Approximate }).ToList();
        ctx.Ask(TotalConfirm, Prompts.Choice(ReportTexts.ConfirmNumbers(read, doubts),
            [new Choice(ActivitySteps.ConfirmYes, ReportTexts.ConfirmYes)], allowText: true) with { MaxLength = 1000 });
    }

    private static void ApplyTotals(DialogContext ctx, ReportDraft draft, List<(Metric Metric, decimal Value, bool Approximate)> read)
    {
        foreach (var (metric, value, approximate) in read)
        {
            draft.Totals[metric.Code] = value;
            ReportDraft.Mark(draft.ApproximateTotals, metric.Code, approximate);
        }
        draft.Pending.Clear();
        draft.MetricQueue.Clear();
        ctx.Note(read is [var one] ? ReportTexts.Recorded(one.Value, one.Metric.Unit, one.Approximate) : ReportTexts.RecordedMany(read));
    }

    /// <summary>
    /// The totals, each that differs from the sum of the unit's weekly reports followed by that sum
    /// ("1.200 lượt (tổng các tuần: 1.234 — khác 34)"), and a weekly sum the totals lack on its own line.
    /// </summary>
    private static string TotalsText(ReportDraft draft, IReadOnlyList<Metric> metrics, IReadOnlyList<WeeklySum> weekly)
    {
        var sb = new StringBuilder(FinalTexts.TotalsIntro).Append('\n');
        if (draft.Totals.Count == 0 && weekly.Count == 0) sb.Append(FinalTexts.NoTotals).Append('\n');
        var sums = weekly.ToDictionary(w => w.MetricCode, w => w.Value);
        DraftReview.AppendValues(sb, draft.Totals, metrics, "• ", approximate: draft.ApproximateTotals,
            note: (m, v) => sums.TryGetValue(m.Code, out var sum) && sum != v ? FinalTexts.WeeklySumNote(sum, v) : null);
        foreach (var m in metrics.Where(m => sums.ContainsKey(m.Code) && !draft.Totals.ContainsKey(m.Code)))
            sb.Append("• ").Append(m.Label).Append(": ").Append(FinalTexts.OnlyWeeklySum(sums[m.Code], m.Unit)).Append('\n');
        return sb.ToString().TrimEnd();
    }

    /// <summary>The unit's weekly sums of the metrics this period asks (see <see cref="UnitNumbersQuery.WeeklySumsAsync"/>).</summary>
    private static async Task<List<WeeklySum>> WeeklySumsAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, PeriodQuestions q,
        CancellationToken ct) =>
        [.. (await UnitNumbersQuery.WeeklySumsAsync(ctx.Db, period.CampaignId, draft.UnitId, ct))
            .Where(w => w.Value > 0 && (q.Metrics is null || q.Metrics.Contains(w.MetricCode)))];

    /// <summary>
    /// A total above the metric's cap, or at least ten times the unit's weekly sum (and above the weekly check's
    /// floor), is asked about before it is recorded; true when the question was asked.
    /// </summary>
    private static async Task<bool> DoubtAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, PeriodQuestions q, string code,
        decimal value, bool approximate, CancellationToken ct)
    {
        var metric = await ReportPeriods.MetricAsync(ctx.Db, period.CampaignId, code, ct);
        if (await DoubtOfAsync(ctx, draft, period, q, metric, value, ct) is not { } doubt) return false;
        AskToConfirm(ctx, draft, [(metric, value, approximate)], [doubt]);
        return true;
    }

    /// <summary>Why a total should be checked before it is recorded (see <see cref="DoubtAsync"/>), or null.</summary>
    private static async Task<string?> DoubtOfAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, PeriodQuestions q, Metric metric,
        decimal value, CancellationToken ct)
    {
        if (draft.Totals.TryGetValue(metric.Code, out var had) && had == value) return null;
        if (value > metric.Cap) return ReportTexts.AboveCap(metric, value);
        if (value < (metric.Kind == MetricKind.Money ? ActivitySteps.HistoryFloorMoney : ActivitySteps.HistoryFloorCount)) return null;
        var sum = (await WeeklySumsAsync(ctx, draft, period, q, ct)).FirstOrDefault(w => w.MetricCode == metric.Code);
        return sum is null || value < ActivitySteps.HistoryFactor * sum.Value ? null : FinalTexts.AboveWeeklySum(metric, value, sum.Value);
    }

    /// <summary>"Đúng" records the doubted total; a number typed instead is read as the corrected total (and checked again).</summary>
    private static async Task ConfirmTotalAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, PeriodQuestions q, Answer answer,
        CancellationToken ct)
    {
        if (draft.Pending.Count > 0 && (answer.ChoiceKey == ActivitySteps.ConfirmYes || ActivitySteps.IsYes(answer.Text)))
        {
            var all = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
            ApplyTotals(ctx, draft, [.. draft.Pending.Select(p => (all.First(m => m.Code == p.Code), p.Value, p.Approximate))]);
            await AskTotalsAsync(ctx, draft, period, ct);
            return;
        }
        if (draft.MetricQueue.Count == 0)
        {
            // Numbers typed at the totals screen: the correction is read the same way (a bare number is the doubted one's).
            var bare = draft.Pending is [var one] ? await ReportPeriods.MetricAsync(ctx.Db, period.CampaignId, one.Code, ct) : null;
            await ReadTypedTotalsAsync(ctx, draft, period, q, answer.Text ?? "", bare, ct);
            return;
        }
        var code = draft.MetricQueue[0];
        var metric = await ReportPeriods.MetricAsync(ctx.Db, period.CampaignId, code, ct);
        decimal value;
        bool approximate;
        if (VietnameseNumbers.TryParse(answer.Text, metric.Kind == MetricKind.Money ? NumberKind.Money : NumberKind.Count,
            out value, out approximate, out var error))
        {
            if (await DoubtAsync(ctx, draft, period, q, code, value, approximate, ct)) return;
        }
        else
        {
            ctx.AskAgain(Engine.EngineTexts.WithExample(error, metric.Kind == MetricKind.Money ? "1.500.000 hoặc 1tr5" : "150"));
            return;
        }
        draft.Pending.Clear();
        draft.MetricQueue.Clear();
        draft.Totals[code] = value;
        ReportDraft.Mark(draft.ApproximateTotals, code, approximate);
        ctx.Note(ReportTexts.Recorded(value, metric.Unit, approximate));
        await AskTotalsAsync(ctx, draft, period, ct);
    }

    public override async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var q = QuestionsOf(period);
        var sb = new StringBuilder(FinalTexts.ReviewHeader(draft.PeriodLabel, ctx.Unit!.Name)).Append("\n\n");
        var weekly = q.AsksNumbers ? await WeeklySumsAsync(ctx, draft, period, q, ct) : [];
        if (await AsksNumbersAsync(ctx, period, q, ct)) sb.Append(TotalsText(draft, await AskedMetricsAsync(ctx, period, q, ct), weekly)).Append("\n\n");
        if (q.Assessment)
            sb.Append(FinalTexts.ReviewStrengths).Append(draft.Assessment).Append('\n')
              .Append(FinalTexts.ReviewLimitations).Append(draft.Limitations ?? FinalTexts.None).Append("\n\n");
        if (q.AsksNominations)
        {
            if (draft.Nominations.Count == 0) sb.Append(FinalTexts.NoNominations).Append('\n');
            foreach (var n in draft.Nominations) sb.Append(FinalTexts.ReviewNominee(n)).Append('\n');
            sb.Append('\n');
        }
        // "Dùng tổng các tuần" only when some total differs from (or lacks) its weekly sum.
        var differs = weekly.Any(w => !draft.Totals.TryGetValue(w.MetricCode, out var v) || v != w.Value);
        sb.Append(differs ? FinalTexts.ReviewFooterWeekly : ReportTexts.ReviewFooter);
        ctx.Ask(ReportSteps.Review, Prompts.Choice(sb.ToString(), differs
            ? [new Choice("send", ReportTexts.Send), new Choice(UseWeeklySums, FinalTexts.UseWeeklySums), new Choice("fix", ReportTexts.Fix)]
            : [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
