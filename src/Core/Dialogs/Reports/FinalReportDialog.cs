using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The final report: campaign totals prefilled from the unit's own reports to confirm or correct, a free-text
/// assessment, and the nominations (one collective, one individual, each with name and reason).
/// </summary>
public sealed class FinalReportDialog : IReportDialog
{
    public const string DialogName = "final_report";
    public string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Final;
    public string DescribeProgress(DialogContext ctx) => ReportTexts.Progress(ctx.Data<ReportDraft>().PeriodLabel);

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var sums = await ctx.Db.ReportValues.AsNoTracking()
            .Where(v => v.Report!.UnitId == draft.UnitId && v.Report.Period!.CampaignId == period.CampaignId
                && v.Report.Period.Kind != PeriodKind.Final && v.Report.Status == ReportStatus.Submitted)
            .GroupBy(v => v.MetricCode).Select(g => new { Code = g.Key, Total = g.Sum(v => v.Value) }).ToListAsync(ct);
        draft.Totals = sums.Where(s => s.Total > 0).ToDictionary(s => s.Code, s => s.Total);
        ctx.Begin(DialogName, draft);
        ctx.Note(FinalTexts.Start(period.Label, ReportTexts.PeriodLine(period, ctx.Zone), ctx.Now > period.DeadlineUtc));
        await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
        ctx.SetData(draft);
    }

    public async Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct)
    {
        var draft = ctx.Data<ReportDraft>();
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        switch (step)
        {
            case "totals" when answer.ChoiceKey == "ok":
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ctx.Ask("assessment", Prompts.Text(FinalTexts.AskAssessment, FinalTexts.AssessmentExample) with { MaxLength = 8000 });
                break;
            case "totals":
                ctx.Ask("total_pick", Prompts.Choice(FinalTexts.PickTotal,
                    metrics.Select(m => new Choice("m:" + m.Code, m.Label)).Append(new Choice("back", FinalTexts.TotalsDone))));
                break;
            case "total_pick" when answer.ChoiceKey == "back":
                await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
                break;
            case "total_pick":
                var metric = metrics.First(m => "m:" + m.Code == answer.ChoiceKey);
                draft.MetricQueue = [metric.Code];
                var text = FinalTexts.AskTotal(metric.Label, metric.Unit);
                ctx.Ask("total_value", metric.Kind == MetricKind.Money ? Prompts.Money(text) : Prompts.Number(text, metric.Unit));
                break;
            case "total_value":
                await ActivitySteps.RecordMetricAsync(ctx, draft, draft.Totals, answer, period.CampaignId, ct);
                await AskTotalsAsync(ctx, draft, period.CampaignId, ct);
                break;
            case "assessment":
                draft.Assessment = answer.Text;
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                AskName(ctx, "col_name");
                break;
            case "col_name":
                draft.CollectiveName = answer.Text;
                ctx.Ask("col_reason", Prompts.Text(FinalTexts.AskCollectiveReason, FinalTexts.ReasonExample) with { MaxLength = 4000 });
                break;
            case "col_reason":
                draft.CollectiveReason = answer.Text;
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                AskName(ctx, "ind_name");
                break;
            case "ind_name":
                draft.IndividualName = answer.Text;
                ctx.Ask("ind_reason", Prompts.Text(FinalTexts.AskIndividualReason, FinalTexts.ReasonExample) with { MaxLength = 4000 });
                break;
            case "ind_reason":
                draft.IndividualReason = answer.Text;
                await ShowReviewAsync(ctx, draft, ct);
                return;
            case "review" when answer.ChoiceKey == "send":
                await ReportWriter.SendAsync(ctx, draft, period, ct);
                return;
            case "review":
                draft.Fixing = true;
                ctx.Ask("fix_field", Prompts.Choice(ReportTexts.PickFixField,
                [
                    new("totals", FinalTexts.FieldTotals), new("assessment", FinalTexts.FieldAssessment),
                    new("collective", FinalTexts.FieldCollective), new("individual", FinalTexts.FieldIndividual),
                ]));
                break;
            case "fix_field":
                switch (answer.ChoiceKey)
                {
                    case "totals": await AskTotalsAsync(ctx, draft, period.CampaignId, ct); break;
                    case "assessment": ctx.Ask("assessment", Prompts.Text(FinalTexts.AskAssessment, FinalTexts.AssessmentExample) with { MaxLength = 8000 }); break;
                    case "collective": AskName(ctx, "col_name"); break;
                    default: AskName(ctx, "ind_name"); break;
                }
                break;
        }
        ctx.SetData(draft);
    }

    private static void AskName(DialogContext ctx, string step) => ctx.Ask(step, step == "col_name"
        ? Prompts.Text(FinalTexts.AskCollectiveName, FinalTexts.CollectiveExample) with { MaxLength = 300 }
        : Prompts.Text(FinalTexts.AskIndividualName, FinalTexts.IndividualExample) with { MaxLength = 300 });

    private static async Task AskTotalsAsync(DialogContext ctx, ReportDraft draft, int campaignId, CancellationToken ct)
    {
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, campaignId, ct);
        ctx.Ask("totals", Prompts.Choice(TotalsText(draft, metrics) + "\n\n" + FinalTexts.TotalsQuestion,
            [new Choice("ok", FinalTexts.TotalsOk), new Choice("fix", FinalTexts.TotalsFix)]));
    }

    private static string TotalsText(ReportDraft draft, IReadOnlyList<Metric> metrics)
    {
        var sb = new StringBuilder(FinalTexts.TotalsIntro).Append('\n');
        if (draft.Totals.Count == 0) sb.Append(FinalTexts.NoTotals).Append('\n');
        ReportReview.AppendValues(sb, draft.Totals, metrics, "• ");
        return sb.ToString().TrimEnd();
    }

    public async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        var sb = new StringBuilder($"Xem lại {draft.PeriodLabel.ToLower(VietnamTime.Culture)} — {ctx.Unit!.Name}:\n\n");
        sb.Append(TotalsText(draft, metrics)).Append("\n\n");
        sb.Append("Đánh giá chung: ").Append(draft.Assessment).Append("\n\n");
        sb.Append("Đề xuất tập thể: ").Append(draft.CollectiveName).Append(" — ").Append(draft.CollectiveReason).Append('\n');
        sb.Append("Đề xuất cá nhân: ").Append(draft.IndividualName).Append(" — ").Append(draft.IndividualReason).Append("\n\n");
        sb.Append("Bạn kiểm tra rồi bấm \"Gửi báo cáo\", hoặc sửa một mục.");
        ctx.Ask("review", Prompts.Choice(sb.ToString(), [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
