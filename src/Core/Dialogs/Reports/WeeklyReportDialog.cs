using System.Globalization;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using static YouthMonth.Core.Dialogs.Reports.ReportSteps;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The weekly report: for each activity (from the plan or "Hoạt động khác") its date, participants, the
/// category's metrics, news, links and photos; then "another activity?", the review screen and sending.
/// </summary>
public sealed class WeeklyReportDialog : Dialog<ReportDraft>, IReportDialog, IKeepsEarlyPhotos
{
    public const string DialogName = "weekly_report";
    public override string Name => DialogName;
    public bool Handles(PeriodKind kind) => kind == PeriodKind.Weekly;
    public bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<IncomingPhoto> photos) => ActivitySteps.KeepEarlyPhotos(ctx, photos);
    public string EarlyPhotosReply(DialogContext ctx) => ActivitySteps.EarlyPhotosReply(ctx);
    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    public async Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        await AskActivityAsync(ctx, draft, ReportTexts.PickActivity, ct);
        ctx.SetData(draft);
    }

    /// <summary>
    /// Starts with the activity typed at "có hoạt động không?" ("hiến máu"), read as the activity question reads it.
    /// </summary>
    public async Task BeginWithTitleAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, string title, CancellationToken ct)
    {
        var prompt = await ActivityPromptAsync(ctx, draft, ReportTexts.PickActivity, ct);
        if (PromptReader.TryRead(prompt, ctx.Message with { Text = title, CallbackData = null }, ctx.Today, out var answer, out var error))
            await PickActivityAsync(ctx, draft, period, answer, ct);
        else
        {
            ctx.Note(error);
            ctx.Ask(ReportSteps.Activity, prompt);
        }
        ctx.SetData(draft);
    }

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        switch (step)
        {
            case ReportSteps.Activity:
                await PickActivityAsync(ctx, draft, period, answer, ct);
                return;
            case Title:
                if (draft.Fixing) { draft.CurrentActivity.Title = answer.Text!; await ShowReviewAsync(ctx, draft, ct); return; }
                draft.Activities.Add(new ActivityDraft { Title = answer.Text! });
                draft.Current = draft.Activities.Count - 1;
                // The category decides which numbers are asked (gifts for an sinh, new members for xây dựng Đoàn …).
                AskCategory(ctx);
                return;
            case Category:
                draft.CurrentActivity.Category = answer.ChoiceKey!;
                ActivitySteps.AskDate(ctx, period);
                return;
            case Date:
                draft.CurrentActivity.Date = answer.Date;
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskActivityMetricsAsync(ctx, draft, period.CampaignId, ct), ct);
                return;
            case Participants:
                draft.CurrentActivity.Set(MetricCatalog.Participants, answer.Number!.Value, answer.Approximate);
                ctx.Note(ReportTexts.Recorded(answer.Number.Value, "lượt", answer.Approximate));
                await NextOrReviewAsync(ctx, draft, async () =>
                {
                    var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
                    draft.MetricQueue = ReportPeriods.ForCategory(metrics, draft.CurrentActivity.Category).Select(m => m.Code).ToList();
                    if (!await ActivitySteps.AskNextMetricAsync(ctx, draft, period.CampaignId, ct)) ActivitySteps.AskNews(ctx);
                }, ct);
                return;
            case ReportSteps.Metric or ConfirmNumbers:
                if (!await (step == ConfirmNumbers
                        ? ActivitySteps.ConfirmNumbersAsync(ctx, draft, answer, period.CampaignId, ct)
                        : ActivitySteps.ReadMetricsAsync(ctx, draft, answer, period.CampaignId, ct))) return;
                if (await ActivitySteps.AskMetricsAsync(ctx, draft, period.CampaignId, ct)) return;
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskNewsWithLinks(ctx), ct);
                return;
            case News:
                // The post's link usually comes with the news; a news fixed without one keeps the links it had.
                var (news, links) = Text.Links.Extract(answer.Text);
                if (links.Count > 0) draft.CurrentActivity.Links = [.. links];
                if (news.Length == 0) { ctx.AskAgain(ReportTexts.NewsNeedsText); return; }
                draft.CurrentActivity.News = news;
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskPhotosOnce(ctx, draft, period.PhotosRequired), ct);
                return;
            case Links:
                draft.CurrentActivity.Links = answer.Skipped ? [] : [.. answer.Links];
                await NextOrReviewAsync(ctx, draft, () => ActivitySteps.AskPhotosOnce(ctx, draft, period.PhotosRequired), ct);
                return;
            case Photos:
                // Photos that could not be stored never block the report: it goes without them, and records them.
                if (answer.ChoiceKey == ActivitySteps.WithoutPhotos)
                {
                    await NextOrReviewAsync(ctx, draft, () => AskMoreAsync(ctx, draft, ct), ct);
                    return;
                }
                if (answer.Done)
                {
                    if (period.PhotosRequired && draft.CurrentActivity.PhotoIds.Count == 0 && draft.CurrentActivity.PhotoFailures.Count == 0)
                    {
                        ctx.AskAgain(ReportTexts.NeedOnePhoto);
                        return;
                    }
                    await NextOrReviewAsync(ctx, draft, () => AskMoreAsync(ctx, draft, ct), ct);
                    return;
                }
                // An album (or a photo) finishes the photos: the next question comes at once and still takes more.
                if (!await ActivitySteps.AddPhotosAsync(ctx, draft.CurrentActivity, answer, ct)) return;
                if (draft.CurrentActivity.PhotoIds.Count == 0)
                {
                    if (draft.CurrentActivity.PhotoFailures.Count > 0) ActivitySteps.AskPhotosAgainOrWithout(ctx);
                    else ActivitySteps.AskPhotosOnce(ctx, draft, period.PhotosRequired);
                    return;
                }
                ctx.Note(ReportTexts.PhotosTaken(draft.CurrentActivity.PhotoIds.Count));
                await NextOrReviewAsync(ctx, draft, () => AskMoreAsync(ctx, draft, ct), ct);
                return;
            case More:
                if (answer.PhotoIds.Count > 0)
                {
                    if (await ActivitySteps.AddPhotosAsync(ctx, draft.CurrentActivity, answer, ct))
                        ctx.AskAgain(ReportTexts.PhotosAdded(draft.CurrentActivity.PhotoIds.Count));
                    return;
                }
                // "có" answers "còn hoạt động nào khác không?": it is no activity's title.
                if (answer.Yes || (answer.ChoiceKey is null && ActivitySteps.IsYes(answer.Text)))
                {
                    await AskActivityAsync(ctx, draft, ReportTexts.PickActivity, ct);
                    return;
                }
                if (answer.Done || answer.ChoiceKey == ChoiceKeys.No || (answer.ChoiceKey is null && IsNo(answer.Text)))
                {
                    await ShowReviewAsync(ctx, draft, ct);
                    return;
                }
                await PickActivityAsync(ctx, draft, period, answer, ct);
                return;
            case Review:
                await ReviewAnswerAsync(ctx, draft, period, answer, ct);
                return;
            case FixActivity:
                draft.Current = int.Parse(answer.ChoiceKey![2..], CultureInfo.InvariantCulture);
                AskField(ctx);
                return;
            case FixField:
                await FixFieldAsync(ctx, draft, period, answer.ChoiceKey!, ct);
                return;
        }
    }

    /// <summary>A planned activity, "Hoạt động khác", or a title typed instead of picked.</summary>
    private static async Task PickActivityAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, Answer answer, CancellationToken ct)
    {
        if (answer.ChoiceKey == "other") { AskTitle(ctx); return; }
        ActivityDraft activity;
        if (answer.ChoiceKey is { } key && key.StartsWith("a:", StringComparison.Ordinal))
        {
            var planned = await ReportPeriods.ActivityAsync(ctx.Db, int.Parse(key[2..], CultureInfo.InvariantCulture), ct);
            activity = new ActivityDraft { ActivityId = planned.Id, Title = planned.Title, Category = planned.Category };
        }
        else
        {
            // A title typed instead of picked: its category decides which numbers are asked, as for "Hoạt động khác".
            draft.Activities.Add(new ActivityDraft { Title = answer.Text! });
            draft.Current = draft.Activities.Count - 1;
            AskCategory(ctx);
            return;
        }
        draft.Activities.Add(activity);
        draft.Current = draft.Activities.Count - 1;
        ActivitySteps.AskDate(ctx, period);
    }

    private static void AskCategory(DialogContext ctx) =>
        ctx.Ask(Category, Prompts.Choice(ReportTexts.AskCategory, ActivityCategories.Labels.Select(kv => new Choice(kv.Key, kv.Value))));

    /// <summary>"Another activity?" with the activities to pick right there; photos sent now go to the last one.</summary>
    private static async Task AskMoreAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        var choices = await ActivityChoicesAsync(ctx, draft, ct);
        ctx.Ask(More, Prompts.Choice(ReportTexts.AskMoreOrPhotos, choices.Append(new Choice(ChoiceKeys.No, ReportTexts.NoMore)), allowText: true)
            with { MaxLength = 1000, TakesPhotos = true });
    }

    // Typed instead of pressing "Không, xem lại và gửi"; never a title of an activity.
    private static bool IsNo(string? text) => Text.VietnameseText.Fold(text) is "khong" or "ko" or "k" or "het" or "khong co" or "khong con" or "gui" or "xem lai";

    private static void AskTitle(DialogContext ctx) =>
        ctx.Ask(Title, Prompts.Text(ReportTexts.AskTitle, ReportTexts.TitleExample) with { MaxLength = 1000 });

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
                ctx.Ask(FixActivity, Prompts.Choice(ReportTexts.PickFixActivity,
                    draft.Activities.Select((a, i) => new Choice("a:" + i.ToString(CultureInfo.InvariantCulture), $"{i + 1}. {Short(a.Title)}"))));
                return;
        }
    }

    private static void AskField(DialogContext ctx) => ctx.Ask(FixField, Prompts.Choice(ReportTexts.PickFixField,
    [
        new(Title, ReportTexts.FieldTitle), new(Date, ReportTexts.FieldDate), new(Participants, ReportTexts.FieldParticipants),
        new("metrics", ReportTexts.FieldMetrics), new(News, ReportTexts.FieldNews), new(Links, ReportTexts.FieldLinks),
        new(Photos, ReportTexts.FieldPhotos), new("delete", ReportTexts.FieldDelete),
    ]));

    private async Task FixFieldAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, string field, CancellationToken ct)
    {
        switch (field)
        {
            case Title: AskTitle(ctx); return;
            case Date: ActivitySteps.AskDate(ctx, period); return;
            case Participants: draft.CurrentActivity.RememberValuesBeforeFix(); ActivitySteps.AskParticipants(ctx); return;
            case News: ActivitySteps.AskNewsWithLinks(ctx); return;
            case Links: ActivitySteps.AskLinks(ctx); return;
            case Photos: draft.CurrentActivity.ClearPhotos(); ActivitySteps.AskPhotosOnce(ctx, draft, period.PhotosRequired); return;
            case "metrics":
                draft.CurrentActivity.RememberValuesBeforeFix();
                var (asked, _) = await ActivitySteps.ActivityMetricsAsync(ctx, draft.CurrentActivity, period.CampaignId, ct);
                draft.MetricQueue = asked.Where(m => m.Code != MetricCatalog.Participants).Select(m => m.Code).ToList();
                if (!await ActivitySteps.AskMetricsAsync(ctx, draft, period.CampaignId, ct)) await ShowReviewAsync(ctx, draft, ct);
                return;
            default:
                draft.Activities.RemoveAt(draft.Current);
                draft.Current = 0;
                if (draft.Activities.Count == 0) { draft.Fixing = false; await AskActivityAsync(ctx, draft, ReportTexts.NoActivitiesLeft, ct); return; }
                await ShowReviewAsync(ctx, draft, ct);
                return;
        }
    }

    private static async Task AskActivityAsync(DialogContext ctx, ReportDraft draft, string text, CancellationToken ct) =>
        ctx.Ask(ReportSteps.Activity, await ActivityPromptAsync(ctx, draft, text, ct));

    private static async Task<Prompt> ActivityPromptAsync(DialogContext ctx, ReportDraft draft, string text, CancellationToken ct) =>
        Prompts.Choice(text, await ActivityChoicesAsync(ctx, draft, ct), allowText: true) with { MaxLength = 1000 };

    private static async Task<IEnumerable<Choice>> ActivityChoicesAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var planned = await ReportPeriods.ActivitiesForAsync(ctx.Db, period, draft.UnitId, ct);
        return planned.Select(a => new Choice("a:" + a.Id.ToString(CultureInfo.InvariantCulture), Short(a.Title)))
            .Append(new Choice("other", ReportTexts.OtherActivity));
    }

    public override async Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        draft.Fixing = false;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var metrics = await ReportPeriods.MetricsAsync(ctx.Db, period.CampaignId, ct);
        ctx.Ask(Review, Prompts.Choice(DraftReview.Weekly(draft, ctx.Unit!.Name, metrics),
            [new("send", ReportTexts.Send), new("fix", ReportTexts.Fix), new("add", ReportTexts.Add)]));
        ctx.SetData(draft);
    }

    /// <summary>A title short enough for a button, cut at a word boundary ("…Tình nguyện chun…" helped no one on Zalo).</summary>
    internal static string Short(string title)
    {
        if (title.Length <= 60) return title;
        var cut = title.LastIndexOf(' ', 57);
        return (cut > 30 ? title[..cut] : title[..57]).TrimEnd(' ', ',', ';', '-', '–') + "…";
    }
}
