using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The weekly report: for each activity (from the plan or "Hoạt động khác") its date, participants, the
/// category's metrics, news, links and photos; then "another activity?", the review screen and sending.
/// </summary>
public sealed class WeeklyReportDialog : IReportDialog, IKeepsEarlyPhotos
{
    public const string DialogName = "weekly_report";
    public string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Weekly;
    public bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<int> photoIds) => ActivitySteps.KeepEarlyPhotos(ctx, photoIds);
    public string DescribeProgress(DialogContext ctx) => ReportTexts.Progress(ctx.Data<ReportDraft>().PeriodLabel);

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        await AskActivityAsync(ctx, draft, ReportTexts.PickActivity, ct);
        ctx.SetData(draft);
    }

    public async Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct)
    {
        var draft = ctx.Data<ReportDraft>();
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        await StepAsync(ctx, draft, period, step, answer, ct);
        if (ctx.Dialog == DialogName) ctx.SetData(draft);
    }

    private async Task StepAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, string step, Answer answer, CancellationToken ct)
    {
        switch (step)
        {
            case "activity":
                if (answer.ChoiceKey == "other") { ctx.Ask("title", Prompts.Text(ReportTexts.AskTitle, ReportTexts.TitleExample) with { MaxLength = 1000 }); return; }
                ActivityDraft activity;
                if (answer.ChoiceKey is { } key && key.StartsWith("a:", StringComparison.Ordinal))
                {
                    var id = int.Parse(key[2..], CultureInfo.InvariantCulture);
                    var planned = await ctx.Db.Activities.AsNoTracking().SingleAsync(a => a.Id == id, ct);
                    activity = new ActivityDraft { ActivityId = planned.Id, Title = planned.Title, Category = planned.Category };
                }
                else activity = new ActivityDraft { Title = answer.Text! };
                draft.Activities.Add(activity);
                draft.Current = draft.Activities.Count - 1;
                ActivitySteps.AskDate(ctx);
                return;
            case "title":
                if (draft.Fixing) { draft.CurrentActivity.Title = answer.Text!; await ShowReviewAsync(ctx, draft, ct); return; }
                draft.Activities.Add(new ActivityDraft { Title = answer.Text! });
                draft.Current = draft.Activities.Count - 1;
                // The category decides which numbers are asked (gifts for an sinh, new members for xây dựng Đoàn …).
                ctx.Ask("category", Prompts.Choice(ReportTexts.AskCategory,
                    ActivityCategories.Labels.Select(kv => new Choice(kv.Key, kv.Value))));
                return;
            case "category":
                draft.CurrentActivity.Category = answer.ChoiceKey!;
                ActivitySteps.AskDate(ctx);
                return;
            case "date":
                draft.CurrentActivity.Date = answer.Date;
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ActivitySteps.AskParticipants(ctx);
                return;
            case "participants":
                draft.CurrentActivity.Values[MetricCatalog.Participants] = answer.Number!.Value;
                ctx.Note(ReportTexts.Recorded(answer.Number.Value, "lượt"));
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
                draft.MetricQueue = ReportPeriods.ForCategory(metrics, draft.CurrentActivity.Category).Select(m => m.Code).ToList();
                if (!await ActivitySteps.AskNextMetricAsync(ctx, draft, period.CampaignId, ct)) ActivitySteps.AskNews(ctx);
                return;
            case "metric":
                await ActivitySteps.RecordMetricAsync(ctx, draft, draft.CurrentActivity.Values, answer, period.CampaignId, ct);
                if (await ActivitySteps.AskNextMetricAsync(ctx, draft, period.CampaignId, ct)) return;
                if (draft.Fixing) await ShowReviewAsync(ctx, draft, ct);
                else ActivitySteps.AskNews(ctx);
                return;
            case "news":
                draft.CurrentActivity.News = answer.Text;
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ActivitySteps.AskLinks(ctx);
                return;
            case "links":
                draft.CurrentActivity.Links = answer.Skipped ? [] : [.. answer.Links];
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ActivitySteps.AskPhotos(ctx, draft);
                return;
            case "photos":
                if (answer.Done)
                {
                    if (draft.CurrentActivity.PhotoIds.Count == 0) { ctx.AskAgain(ReportTexts.NeedOnePhoto); return; }
                    if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                    ctx.Ask("more", Prompts.YesNo(ReportTexts.AskMore, ReportTexts.AddAnother, ReportTexts.NoMore));
                    return;
                }
                if (await ActivitySteps.AddPhotosAsync(ctx, draft.CurrentActivity, answer, ct))
                    ActivitySteps.AskPhotos(ctx, ReportTexts.PhotosReceived(draft.CurrentActivity.PhotoIds.Count));
                return;
            case "more":
                if (answer.Yes) await AskActivityAsync(ctx, draft, ReportTexts.PickActivity, ct);
                else await ShowReviewAsync(ctx, draft, ct);
                return;
            case "review":
                await ReviewAnswerAsync(ctx, draft, period, answer, ct);
                return;
            case "fix_activity":
                draft.Current = int.Parse(answer.ChoiceKey![2..], CultureInfo.InvariantCulture);
                AskField(ctx);
                return;
            case "fix_field":
                await FixFieldAsync(ctx, draft, period, answer.ChoiceKey!, ct);
                return;
        }
    }

    private async Task ReviewAnswerAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, Answer answer, CancellationToken ct)
    {
        switch (answer.ChoiceKey)
        {
            case "send" when draft.Activities.Count == 0:
                await AskActivityAsync(ctx, draft, ReportTexts.NoActivitiesLeft, ct);
                return;
            case "send":
                await ReportWriter.SendAsync(ctx, draft, period, ct);
                return;
            case "add":
                draft.Fixing = false;
                await AskActivityAsync(ctx, draft, ReportTexts.PickActivity, ct);
                return;
            default:
                draft.Fixing = true;
                if (draft.Activities.Count == 1) { draft.Current = 0; AskField(ctx); return; }
                ctx.Ask("fix_activity", Prompts.Choice(ReportTexts.PickFixActivity,
                    draft.Activities.Select((a, i) => new Choice("a:" + i.ToString(CultureInfo.InvariantCulture), $"{i + 1}. {Short(a.Title)}"))));
                return;
        }
    }

    private static void AskField(DialogContext ctx) => ctx.Ask("fix_field", Prompts.Choice(ReportTexts.PickFixField,
    [
        new("title", ReportTexts.FieldTitle), new("date", ReportTexts.FieldDate), new("participants", ReportTexts.FieldParticipants),
        new("metrics", ReportTexts.FieldMetrics), new("news", ReportTexts.FieldNews), new("links", ReportTexts.FieldLinks),
        new("photos", ReportTexts.FieldPhotos), new("delete", ReportTexts.FieldDelete),
    ]));

    private async Task FixFieldAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, string field, CancellationToken ct)
    {
        switch (field)
        {
            case "title": ctx.Ask("title", Prompts.Text(ReportTexts.AskTitle, ReportTexts.TitleExample) with { MaxLength = 1000 }); return;
            case "date": ActivitySteps.AskDate(ctx); return;
            case "participants": ActivitySteps.AskParticipants(ctx); return;
            case "news": ActivitySteps.AskNews(ctx); return;
            case "links": ActivitySteps.AskLinks(ctx); return;
            case "photos": draft.CurrentActivity.PhotoIds.Clear(); ActivitySteps.AskPhotos(ctx); return;
            case "metrics":
                var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
                draft.MetricQueue = ReportPeriods.ForCategory(metrics, draft.CurrentActivity.Category).Select(m => m.Code).ToList();
                if (!await ActivitySteps.AskNextMetricAsync(ctx, draft, period.CampaignId, ct)) await ShowReviewAsync(ctx, draft, ct);
                return;
            default:
                draft.Activities.RemoveAt(draft.Current);
                draft.Current = 0;
                if (draft.Activities.Count == 0) { draft.Fixing = false; await AskActivityAsync(ctx, draft, ReportTexts.NoActivitiesLeft, ct); return; }
                await ShowReviewAsync(ctx, draft, ct);
                return;
        }
    }

    private static async Task AskActivityAsync(DialogContext ctx, ReportDraft draft, string text, CancellationToken ct)
    {
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        var planned = await ReportPeriods.ActivitiesForAsync(ctx.Db, period, draft.UnitId, ct);
        var choices = planned.Select(a => new Choice("a:" + a.Id.ToString(CultureInfo.InvariantCulture), Short(a.Title)))
            .Append(new Choice("other", ReportTexts.OtherActivity));
        ctx.Ask("activity", Prompts.Choice(text, choices, allowText: true) with { MaxLength = 1000 });
    }

    public async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        ctx.Ask("review", Prompts.Choice(ReportReview.Weekly(draft, ctx.Unit!.Name, metrics),
            [new("send", ReportTexts.Send), new("fix", ReportTexts.Fix), new("add", ReportTexts.Add)]));
        ctx.SetData(draft);
    }

    internal static string Short(string title) => title.Length <= 60 ? title : title[..57].TrimEnd() + "…";
}
