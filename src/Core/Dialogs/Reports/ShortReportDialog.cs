using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The kick-off and event-day quick report: a short news text, participants, the link to the post and photos,
/// against the period's own deadline. Stored as one activity titled with the period.
/// </summary>
public sealed class ShortReportDialog : IReportDialog, IKeepsEarlyPhotos
{
    public const string DialogName = "short_report";
    public string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind is PeriodKind.KickOff or PeriodKind.EventDay;
    public bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<int> photoIds) => ActivitySteps.KeepEarlyPhotos(ctx, photoIds);
    public string DescribeProgress(DialogContext ctx) => ReportTexts.Progress(ctx.Data<ReportDraft>().PeriodLabel);

    public Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var today = ctx.Today;
        var date = today < period.WindowStart ? period.WindowStart : today > period.WindowEnd ? period.WindowEnd : today;
        draft.Activities = [new ActivityDraft { Title = period.Label, Date = date }];
        draft.Current = 0;
        ctx.Begin(DialogName, draft);
        ctx.Ask("news", Prompts.Text(ReportTexts.AskShortNews(period, ctx.Zone, ctx.Now > period.DeadlineUtc), ReportTexts.NewsExample) with { MaxLength = 4000 });
        return Task.CompletedTask;
    }

    public async Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct)
    {
        var draft = ctx.Data<ReportDraft>();
        var activity = draft.CurrentActivity;
        switch (step)
        {
            case "news":
                activity.News = answer.Text;
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ctx.Ask("participants", Prompts.Number(ReportTexts.AskParticipants, "lượt", skippable: true));
                break;
            case "participants":
                if (answer.Skipped) activity.Values.Remove(MetricCatalog.Participants);
                else
                {
                    activity.Values[MetricCatalog.Participants] = answer.Number!.Value;
                    ctx.Note(ReportTexts.Recorded(answer.Number.Value, "lượt"));
                }
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ActivitySteps.AskLinks(ctx, required: true);
                break;
            case "links":
                activity.Links = [.. answer.Links];
                if (draft.Fixing) { await ShowReviewAsync(ctx, draft, ct); return; }
                ActivitySteps.AskPhotos(ctx, draft);
                break;
            case "photos":
                if (answer.Done)
                {
                    if (activity.PhotoIds.Count == 0) { ctx.AskAgain(ReportTexts.NeedOnePhoto); return; }
                    await ShowReviewAsync(ctx, draft, ct);
                    return;
                }
                if (await ActivitySteps.AddPhotosAsync(ctx, activity, answer, ct))
                    ActivitySteps.AskPhotos(ctx, ReportTexts.PhotosReceived(activity.PhotoIds.Count));
                break;
            case "review" when answer.ChoiceKey == "send":
                var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
                await ReportWriter.SendAsync(ctx, draft, period, ct);
                return;
            case "review":
                draft.Fixing = true;
                ctx.Ask("fix_field", Prompts.Choice(ReportTexts.PickFixField,
                [
                    new("news", ReportTexts.FieldNews), new("participants", ReportTexts.FieldParticipants),
                    new("links", ReportTexts.FieldLinks), new("photos", ReportTexts.FieldPhotos),
                ]));
                break;
            case "fix_field":
                switch (answer.ChoiceKey)
                {
                    case "news": ctx.Ask("news", Prompts.Text(ReportTexts.AskNews, ReportTexts.NewsExample) with { MaxLength = 4000 }); break;
                    case "participants": ctx.Ask("participants", Prompts.Number(ReportTexts.AskParticipants, "lượt", skippable: true)); break;
                    case "links": ActivitySteps.AskLinks(ctx, required: true); break;
                    default: activity.PhotoIds.Clear(); ActivitySteps.AskPhotos(ctx); break;
                }
                break;
        }
        ctx.SetData(draft);
    }

    public async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ctx.Db.Periods.AsNoTracking().SingleAsync(p => p.Id == draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        ctx.Ask("review", Prompts.Choice(ReportReview.Weekly(draft, ctx.Unit!.Name, metrics),
            [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
