using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The questions about one reported activity (date, participants, category metrics, news, links, photos),
/// shared by the weekly and the kick-off/event-day reports. Each method asks one question; the dialog calls
/// the next when the answer is in.
/// </summary>
public static class ActivitySteps
{
    public const int MaxPhotos = 10;
    public const string SkipRest = "skip_rest";

    public static void AskDate(DialogContext ctx) => ctx.Ask(ReportSteps.Date, Prompts.Date(ReportTexts.AskDate));

    public static void AskParticipants(DialogContext ctx) =>
        ctx.Ask(ReportSteps.Participants, Prompts.Number(ReportTexts.AskParticipants, "lượt"));

    public static void AskNews(DialogContext ctx) =>
        ctx.Ask(ReportSteps.News, Prompts.Text(ReportTexts.AskNews, ReportTexts.NewsExample) with { MaxLength = 4000 });

    public static void AskLinks(DialogContext ctx, bool required = false) =>
        ctx.Ask(ReportSteps.Links, Prompts.Link(required ? ReportTexts.AskShortLinks : ReportTexts.AskLinks, skippable: !required));

    public static void AskPhotos(DialogContext ctx, string? text = null) => ctx.Ask(ReportSteps.Photos, Prompts.Photos(text ?? ReportTexts.AskPhotos));

    /// <summary>Asks the next metric of the queue; false when the queue is empty.</summary>
    public static async Task<bool> AskNextMetricAsync(DialogContext ctx, ReportDraft draft, int campaignId, CancellationToken ct)
    {
        if (draft.MetricQueue.Count == 0) return false;
        var code = draft.MetricQueue[0];
        var metric = await ReportPeriods.MetricAsync(ctx.Db, campaignId, code, ct);
        var text = ReportTexts.AskMetric(metric);
        var prompt = metric.Kind == MetricKind.Money ? Prompts.Money(text, skippable: true) : Prompts.Number(text, metric.Unit, skippable: true);
        if (draft.MetricQueue.Count > 1) prompt = prompt with { Choices = [[.. prompt.Choices.SelectMany(r => r), new Messaging.Choice(SkipRest, ReportTexts.SkipRest)]] };
        ctx.Ask(ReportSteps.Metric, prompt);
        return true;
    }

    /// <summary>Stores the answer to the metric at the head of the queue and echoes it formatted.</summary>
    public static async Task RecordMetricAsync(DialogContext ctx, ReportDraft draft, Dictionary<string, decimal> values, Answer answer,
        int campaignId, CancellationToken ct)
    {
        var code = draft.MetricQueue[0];
        draft.MetricQueue.RemoveAt(0);
        if (answer.ChoiceKey == SkipRest) { values.Remove(code); foreach (var rest in draft.MetricQueue) values.Remove(rest); draft.MetricQueue.Clear(); return; }
        if (answer.Skipped || answer.Number is null) { values.Remove(code); return; }
        var unit = (await ReportPeriods.MetricAsync(ctx.Db, campaignId, code, ct)).Unit;
        values[code] = answer.Number!.Value;
        ctx.Note(ReportTexts.Recorded(answer.Number.Value, unit));
    }

    /// <summary>
    /// Adds the photos of one message. Returns true when the person should hear back now: not while more photos
    /// of the same album are still waiting in the inbox (one answer per album, not one per photo).
    /// </summary>
    public static async Task<bool> AddPhotosAsync(DialogContext ctx, ActivityDraft activity, Answer answer, CancellationToken ct)
    {
        foreach (var rejected in ctx.Message.Photos.Where(p => p.StoredPhotoId is null && p.RejectedReason is not null))
            ctx.Note(Messaging.PhotoRejections.Explain(rejected.RejectedReason!.Value, rejected.MaxBytes));
        var room = MaxPhotos - activity.PhotoIds.Count;
        var fresh = answer.PhotoIds.Where(id => !activity.PhotoIds.Contains(id)).ToList();
        activity.PhotoIds.AddRange(fresh.Take(Math.Max(0, room)));
        if (fresh.Count > room) ctx.Note(ReportTexts.TooManyPhotos(MaxPhotos));
        return !await ctx.MoreOfAlbumPendingAsync(ct);
    }

    /// <summary>Asks for photos; photos sent earlier in the dialog are attached first and counted.</summary>
    public static void AskPhotos(DialogContext ctx, ReportDraft draft)
    {
        if (draft.EarlyPhotoIds.Count == 0) { AskPhotos(ctx); return; }
        var activity = draft.CurrentActivity;
        activity.PhotoIds.AddRange(draft.EarlyPhotoIds.Where(id => !activity.PhotoIds.Contains(id)).Take(Math.Max(0, MaxPhotos - activity.PhotoIds.Count)));
        draft.EarlyPhotoIds.Clear();
        ctx.Note(ReportTexts.EarlyPhotosAttached);
        AskPhotos(ctx, ReportTexts.PhotosReceived(activity.PhotoIds.Count));
    }

    /// <summary>Keeps photos sent before the photo question (see <see cref="Engine.IKeepsEarlyPhotos"/>).</summary>
    public static bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<int> photoIds)
    {
        var draft = ctx.Data<ReportDraft>();
        if (draft.Activities.Count == 0) return false;
        draft.EarlyPhotoIds.AddRange(photoIds.Where(id => !draft.EarlyPhotoIds.Contains(id)));
        ctx.SetData(draft);
        return true;
    }
}
