using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using static YouthMonth.Core.Dialogs.Reports.ReportSteps;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The kick-off and event-day quick report: a short news text, participants, the link to the post and photos,
/// against the period's own deadline. Stored as one activity titled with the period.
/// </summary>
public sealed class ShortReportDialog : Dialog<ReportDraft>, IReportDialog, IKeepsEarlyPhotos
{
    public const string DialogName = "short_report";
    public override string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind is PeriodKind.KickOff or PeriodKind.EventDay;
    public bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<IncomingPhoto> photos) => ActivitySteps.KeepEarlyPhotos(ctx, photos);
    public string EarlyPhotosReply(DialogContext ctx) => ActivitySteps.EarlyPhotosReply(ctx);
    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    public Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var today = ctx.Today;
        var date = today < period.WindowStart ? period.WindowStart : today > period.WindowEnd ? period.WindowEnd : today;
        draft.Activities = [new ActivityDraft { Title = period.Label, Date = date }];
        draft.Current = 0;
        Begin(ctx, draft);
        ctx.Ask(News, Prompts.Text(ReportTexts.AskShortNews(period, ctx.Zone, ctx.Now > period.DeadlineUtc), ReportTexts.NewsExample) with { MaxLength = 4000 });
        return Task.CompletedTask;
    }

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        var activity = draft.CurrentActivity;
        var required = (await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct)).PhotosRequired;
        switch (step)
        {
            case News:
                activity.News = answer.Text;
                await NextOrReviewAsync(ctx, draft, () => AskParticipants(ctx), ct);
                break;
            case Participants:
                if (answer.Skipped) activity.Clear(MetricCatalog.Participants);
                else if (!await RecordParticipantsAsync(ctx, draft, answer.Number!.Value, answer.Approximate, ct)) return;
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskLinks(ctx, required: true), ct);
                break;
            case ConfirmNumbers:
                // "Đúng" records the number as typed; anything else is read as the corrected number.
                if (ActivitySteps.IsConfirmation(answer) && draft.Pending is [var pending])
                {
                    draft.Pending.Clear();
                    Record(ctx, activity, pending.Value, pending.Approximate);
                }
                else if (!Text.VietnameseNumbers.TryParse(answer.Text, Text.NumberKind.Count, out var value, out var approximate, out var error))
                {
                    ctx.AskAgain(EngineTexts.WithExample(error, "150"));
                    return;
                }
                else if (!await RecordParticipantsAsync(ctx, draft, value, approximate, ct)) return;
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskLinks(ctx, required: true), ct);
                break;
            case Links:
                activity.Links = [.. answer.Links];
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskPhotos(ctx, draft, required), ct);
                break;
            case Photos:
                // Photos that could not be stored never block the report: it goes without them, and records them.
                if (answer.ChoiceKey == ActivitySteps.WithoutPhotos) { await ShowReviewAsync(ctx, draft, ct); return; }
                if (answer.Done)
                {
                    if (required && activity.PhotoIds.Count == 0 && activity.PhotoFailures.Count == 0) { ctx.AskAgain(ReportTexts.NeedOnePhoto); return; }
                    await ShowReviewAsync(ctx, draft, ct);
                    return;
                }
                if (!await ActivitySteps.AddPhotosAsync(ctx, activity, answer, ct)) break;
                if (activity.PhotoIds.Count == 0 && activity.PhotoFailures.Count > 0) ActivitySteps.AskPhotosAgainOrWithout(ctx);
                else ActivitySteps.AskPhotos(ctx, required, ReportTexts.PhotosReceived(activity.PhotoIds.Count));
                break;
            case Review when answer.ChoiceKey == "send":
                await ReportWriter.SendAsync(ctx, draft, await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct), ct);
                return;
            case Review:
                draft.Fixing = true;
                ctx.Ask(FixField, Prompts.Choice(ReportTexts.PickFixField,
                [
                    new(News, ReportTexts.FieldNews), new(Participants, ReportTexts.FieldParticipants),
                    new(Links, ReportTexts.FieldLinks), new(Photos, ReportTexts.FieldPhotos),
                ]));
                break;
            case FixField:
                switch (answer.ChoiceKey)
                {
                    case News: ActivitySteps.AskNews(ctx); break;
                    case Participants: AskParticipants(ctx); break;
                    case Links: ActivitySteps.AskLinks(ctx, required: true); break;
                    default: activity.ClearPhotos(); ActivitySteps.AskPhotos(ctx, required); break;
                }
                break;
        }
    }

    /// <summary>
    /// Records the participants, unless the number looks wrong (above the cap, 10× the unit's last report or the
    /// other units' usual number): then it is asked to be confirmed first, and false is returned.
    /// </summary>
    private static async Task<bool> RecordParticipantsAsync(DialogContext ctx, ReportDraft draft, decimal value, bool approximate, CancellationToken ct)
    {
        var activity = draft.CurrentActivity;
        if (!(activity.Values.TryGetValue(MetricCatalog.Participants, out var had) && had == value))
        {
            var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
            var metric = await ActivitySteps.ParticipantsAsync(ctx, period.CampaignId, ct);
            if (await ActivitySteps.DoubtAsync(ctx, draft, metric, value, ct) is { } doubt)
            {
                ActivitySteps.AskToConfirm(ctx, draft, [(metric, value, approximate)], [doubt]);
                return false;
            }
        }
        Record(ctx, activity, value, approximate);
        return true;
    }

    private static void Record(DialogContext ctx, ActivityDraft activity, decimal value, bool approximate)
    {
        activity.Set(MetricCatalog.Participants, value, approximate);
        ctx.Note(ReportTexts.Recorded(value, "lượt", approximate));
    }

    private static void AskParticipants(DialogContext ctx) =>
        ctx.Ask(Participants, Prompts.Number(ReportTexts.AskParticipants, "lượt", skippable: true));

    public override async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        ctx.Ask(Review, Prompts.Choice(DraftReview.Weekly(draft, ctx.Unit!.Name, metrics),
            [new Choice("send", ReportTexts.Send), new Choice("fix", ReportTexts.Fix)]));
        ctx.SetData(draft);
    }
}
