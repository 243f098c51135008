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
    public const string ClearValue = "clear";
    public const string ConfirmYes = "confirm";
    public const string WithoutPhotos = "without_photos";

    /// <summary>Below these a number is never "far above" the unit's last report (5 after 0 … is normal).</summary>
    public const decimal HistoryFloorCount = 50m;
    public const decimal HistoryFloorMoney = 5_000_000m;
    public const decimal HistoryFactor = 10m;
    /// <summary>A unit with no history is compared with the other units' median only when this many have reported the metric.</summary>
    public const int MedianMinUnits = 5;

    public static void AskDate(DialogContext ctx, ReportingPeriod period)
    {
        var example = Prompts.DateExample(period.WindowStart, period.WindowEnd, ctx.Today);
        ctx.Ask(ReportSteps.Date, Prompts.Date(ReportTexts.AskDate(example), example));
    }

    public static void AskParticipants(DialogContext ctx) =>
        ctx.Ask(ReportSteps.Participants, Prompts.Number(ReportTexts.AskParticipants, "lượt"));

    public static void AskNews(DialogContext ctx) =>
        ctx.Ask(ReportSteps.News, Prompts.Text(ReportTexts.AskNews, ReportTexts.NewsExample) with { MaxLength = 4000 });

    /// <summary>The news question of the weekly report, which also takes the post's links in the same message.</summary>
    public static void AskNewsWithLinks(DialogContext ctx) =>
        ctx.Ask(ReportSteps.News, Prompts.Text(ReportTexts.AskNewsWithLinks, ReportTexts.NewsExample) with { MaxLength = 4000 });

    public static void AskLinks(DialogContext ctx, bool required = false) =>
        ctx.Ask(ReportSteps.Links, Prompts.Link(required ? ReportTexts.AskShortLinks : ReportTexts.AskLinks, skippable: !required));

    /// <summary>
    /// The photo question answered with "Xong" (quick reports, photos sent earlier). When the period does not require
    /// photos the first asking also offers "Không có ảnh"; when it does, it says so.
    /// </summary>
    public static void AskPhotos(DialogContext ctx, bool required, string? text = null)
    {
        var prompt = Prompts.Photos(text ?? (required ? ReportTexts.AskPhotosRequired : ReportTexts.AskPhotosOptional))
            with { Hint = required && text is null ? ReportTexts.NeedOnePhoto : null }; // text: photos already received
        if (!required && text is null) prompt = prompt with { Choices = [[.. prompt.Choices[0], new Messaging.Choice(WithoutPhotos, ReportTexts.NoPhotos)]] };
        ctx.Ask(ReportSteps.Photos, prompt);
    }

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

    /// <summary>
    /// Starts the numbers of the current activity: participants and the metrics it collects, all asked in one
    /// question that takes several numbers in one message.
    /// </summary>
    public static async Task AskActivityMetricsAsync(DialogContext ctx, ReportDraft draft, int campaignId, CancellationToken ct)
    {
        var (asked, _) = await ActivityMetricsAsync(ctx, draft.CurrentActivity, campaignId, ct);
        draft.MetricQueue = asked.Select(m => m.Code).Where(c => !draft.CurrentActivity.Values.ContainsKey(c)).ToList();
        await AskMetricsAsync(ctx, draft, campaignId, ct);
    }

    /// <summary>
    /// Asks for what is still missing in <see cref="ReportDraft.MetricQueue"/>: all of it in one question when
    /// none has been answered yet, else the next one on its own. False when nothing is missing.
    /// </summary>
    public static async Task<bool> AskMetricsAsync(DialogContext ctx, ReportDraft draft, int campaignId, CancellationToken ct)
    {
        if (draft.MetricQueue.Count == 0) return false;
        var (asked, _) = await ActivityMetricsAsync(ctx, draft.CurrentActivity, campaignId, ct);
        var queued = draft.MetricQueue.Select(c => asked.FirstOrDefault(m => m.Code == c)).OfType<Metric>().ToList();
        if (queued.Count == 0) { draft.MetricQueue.Clear(); return false; }
        var head = queued[0];
        var participants = head.Code == MetricCatalog.Participants;
        Prompt prompt;
        if (draft.Fixing)
        {
            // From the review: one number at a time with its current value; skipping keeps it, clearing is explicit.
            var has = draft.CurrentActivity.Values.TryGetValue(head.Code, out var current);
            prompt = Prompts.Numbers(ReportTexts.AskMetricToFix(head, has ? current : null), head.Unit,
                head.Kind == MetricKind.Money ? "1.500.000 hoặc 1tr5" : "150", skippable: true);
            List<Messaging.Choice> extra = [];
            if (has) extra.Add(new Messaging.Choice(ClearValue, ReportTexts.ClearValue));
            if (queued.Count > 1) extra.Add(new Messaging.Choice(SkipRest, ReportTexts.SkipRest));
            ctx.Ask(ReportSteps.Metric, prompt with { Choices = [[.. prompt.Choices.SelectMany(r => r), .. extra]] });
            return true;
        }
        if (queued.Count > 1 && draft.CurrentActivity.Values.Count == 0)
            prompt = Prompts.Numbers(ReportTexts.AskMetrics(queued, Example(queued)), null, Example(queued), skippable: !participants);
        else
            prompt = Prompts.Numbers(participants ? ReportTexts.AskParticipants : ReportTexts.AskMetric(head), head.Unit,
                head.Kind == MetricKind.Money ? "1.500.000 hoặc 1tr5" : "150", skippable: !participants);
        if (!participants && queued.Count > 1)
            prompt = prompt with { Choices = [[.. prompt.Choices.SelectMany(r => r), new Messaging.Choice(SkipRest, ReportTexts.SkipRest)]] };
        ctx.Ask(ReportSteps.Metric, prompt);
        return true;
    }

    /// <summary>
    /// Reads an answer to <see cref="AskMetricsAsync"/>: one number, several named numbers, "Bỏ qua" or "Bỏ qua
    /// hết". False when it was not understood (the question is asked again with the reason).
    /// </summary>
    public static async Task<bool> ReadMetricsAsync(DialogContext ctx, ReportDraft draft, Answer answer, int campaignId, CancellationToken ct)
    {
        if (draft.MetricQueue.Count == 0) return true;
        var head = draft.MetricQueue[0];
        // Skipping never loses a number: what was recorded stays; only "Xoá số này" removes it.
        if (answer.ChoiceKey == SkipRest || Text.VietnameseText.Fold(answer.Text) is "bo qua het" or "bo qua tat ca")
        {
            draft.MetricQueue.RemoveAll(c => c != MetricCatalog.Participants);
            return true;
        }
        if (answer.Skipped) { draft.MetricQueue.RemoveAt(0); return true; }
        if (answer.ChoiceKey == ClearValue || (draft.Fixing && Text.VietnameseText.Fold(answer.Text) is "xoa" or "xoa so nay"))
        {
            draft.CurrentActivity.Clear(head);
            draft.MetricQueue.RemoveAt(0);
            ctx.Note(ReportTexts.Cleared(await ReportPeriods.MetricAsync(ctx.Db, campaignId, head, ct)));
            return true;
        }

        var (asked, all) = await ActivityMetricsAsync(ctx, draft.CurrentActivity, campaignId, ct);
        var current = asked.FirstOrDefault(m => m.Code == head) ?? await ReportPeriods.MetricAsync(ctx.Db, campaignId, head, ct);
        var example = current.Kind == MetricKind.Money ? "1.500.000 hoặc 1tr5" : "150";
        if (draft.MetricQueue.Count > 1) example = Example([.. draft.MetricQueue.Select(c => asked.First(m => m.Code == c))]);
        if (!MetricMessage.TryRead(answer.Text, asked, all, current, example, out var read, out var error))
        {
            ctx.AskAgain(error);
            return false;
        }
        // A number above the metric's cap, or far above the unit's last report, is confirmed before it is recorded.
        var doubts = await DoubtsAsync(ctx, draft, read, ct);
        if (doubts.Count > 0)
        {
            AskToConfirm(ctx, draft, read, doubts);
            return false;
        }
        Apply(ctx, draft, read, head);
        return true;
    }

    /// <summary>
    /// The answer to <see cref="ReportSteps.ConfirmNumbers"/>: "Đúng" records the numbers as typed; anything else is
    /// read as the corrected answer to the numbers question. False when a question was asked again.
    /// </summary>
    public static async Task<bool> ConfirmNumbersAsync(DialogContext ctx, ReportDraft draft, Answer answer, int campaignId, CancellationToken ct)
    {
        if (draft.Pending.Count > 0 && (answer.ChoiceKey == ConfirmYes || IsYes(answer.Text)))
        {
            var all = await ReportPeriods.MetricsAsync(ctx.Db, campaignId, ct);
            var (asked, _) = await ActivityMetricsAsync(ctx, draft.CurrentActivity, campaignId, ct);
            var read = draft.Pending.Select(p => (asked.Concat(all).First(m => m.Code == p.Code), p.Value, p.Approximate)).ToList();
            Apply(ctx, draft, read, draft.MetricQueue.FirstOrDefault() ?? "");
            return true;
        }
        return await ReadMetricsAsync(ctx, draft, answer, campaignId, ct);
    }

    /// <summary>A typed "đúng", "ok", "chính xác"… confirming a doubted number (Zalo has no buttons).</summary>
    public static bool IsYes(string? text) =>
        Text.VietnameseText.Fold(text)?.TrimEnd('.', '!') is "dung" or "dung roi" or "dung vay" or "dung a" or "ok" or "co" or "chinh xac";

    /// <summary>"Đúng, ghi số này", or a typed "đúng" (see <see cref="IsYes"/>).</summary>
    public static bool IsConfirmation(Answer answer) => answer.ChoiceKey == ConfirmYes || IsYes(answer.Text);

    /// <summary>Asks to confirm numbers that look wrong (<see cref="DoubtAsync"/>); they wait in <see cref="ReportDraft.Pending"/>.</summary>
    public static void AskToConfirm(DialogContext ctx, ReportDraft draft, List<(Metric Metric, decimal Value, bool Approximate)> read, List<string> doubts)
    {
        draft.Pending = read.Select(v => new PendingValue { Code = v.Metric.Code, Value = v.Value, Approximate = v.Approximate }).ToList();
        ctx.Ask(ReportSteps.ConfirmNumbers, Prompts.Choice(ReportTexts.ConfirmNumbers(read, doubts),
            [new Messaging.Choice(ConfirmYes, ReportTexts.ConfirmYes)], allowText: true) with { MaxLength = 1000 });
    }

    private static void Apply(DialogContext ctx, ReportDraft draft, List<(Metric Metric, decimal Value, bool Approximate)> read, string head)
    {
        draft.Pending.Clear();
        foreach (var (metric, value, approximate) in read)
        {
            draft.CurrentActivity.Set(metric.Code, value, approximate);
            draft.MetricQueue.Remove(metric.Code);
        }
        ctx.Note(read is [var one] && one.Metric.Code == head
            ? ReportTexts.Recorded(one.Value, one.Metric.Unit, one.Approximate) : ReportTexts.RecordedMany(read));
    }

    /// <summary>Why each implausible number of the message should be checked (see <see cref="DoubtAsync"/>).</summary>
    private static async Task<List<string>> DoubtsAsync(DialogContext ctx, ReportDraft draft, List<(Metric Metric, decimal Value, bool Approximate)> read,
        CancellationToken ct)
    {
        var doubts = new List<string>();
        foreach (var (metric, value, _) in read)
        {
            // Typed again as it already is (an edit): nothing new to check.
            if (draft.CurrentActivity.Values.TryGetValue(metric.Code, out var had) && had == value) continue;
            if (await DoubtAsync(ctx, draft, metric, value, ct) is { } doubt) doubts.Add(doubt);
        }
        return doubts;
    }

    /// <summary>
    /// Why a number should be checked before it is recorded, or null: above the metric's cap; ≥ 10× the unit's last
    /// report of it; or, for a unit that never reported it, ≥ 10× the median of the other units' last reports (when
    /// at least <see cref="MedianMinUnits"/> have one). Small numbers (below the floors) are never doubted.
    /// </summary>
    public static async Task<string?> DoubtAsync(DialogContext ctx, ReportDraft draft, Metric metric, decimal value, CancellationToken ct)
    {
        if (value > metric.Cap) return ReportTexts.AboveCap(metric, value);
        if (value < (metric.Kind == MetricKind.Money ? HistoryFloorMoney : HistoryFloorCount)) return null;
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        if (await ReportPeriods.PreviousValueAsync(ctx.Db, draft.UnitId, period, metric.Code, ct) is { } previous)
            return previous.Value > 0 && value >= HistoryFactor * previous.Value
                ? ReportTexts.AboveHistory(metric, value, previous.Value, previous.Period) : null;
        return await ReportPeriods.OthersMedianAsync(ctx.Db, draft.UnitId, period, metric.Code, MedianMinUnits, ct) is { } median
            && median > 0 && value >= HistoryFactor * median
            ? ReportTexts.AboveOthers(metric, value, median) : null;
    }

    /// <summary>The participants metric of the campaign (a stand-in when its catalog has none).</summary>
    public static async Task<Metric> ParticipantsAsync(DialogContext ctx, int campaignId, CancellationToken ct) =>
        (await ReportPeriods.MetricsAsync(ctx.Db, campaignId, ct)).FirstOrDefault(m => m.Code == MetricCatalog.Participants)
        ?? new Metric { Code = MetricCatalog.Participants, Label = ReportTexts.ParticipantsLabel, Unit = "lượt", Aliases = ["tham gia"] };

    /// <summary>
    /// The metrics asked for an activity (participants first, then the plan activity's own list, else its
    /// category's) and every metric of the campaign.
    /// </summary>
    public static async Task<(List<Metric> Asked, List<Metric> All)> ActivityMetricsAsync(DialogContext ctx, ActivityDraft activity,
        int campaignId, CancellationToken ct)
    {
        var all = await ReportPeriods.MetricsAsync(ctx.Db, campaignId, ct);
        var participants = all.FirstOrDefault(m => m.Code == MetricCatalog.Participants);
        if (participants is null)
        {
            participants = new Metric { Code = MetricCatalog.Participants, Label = ReportTexts.ParticipantsLabel, Unit = "lượt", Aliases = ["tham gia"] };
            all.Insert(0, participants);
        }
        var codes = activity.ActivityId is { } id ? (await ReportPeriods.ActivityAsync(ctx.Db, id, ct)).MetricCodes : [];
        var own = codes.Count > 0
            ? codes.Select(c => all.FirstOrDefault(m => m.Code == c)).OfType<Metric>().Where(m => m.Code != MetricCatalog.Participants).ToList()
            : ReportPeriods.ForCategory(all, activity.Category);
        return ([participants, .. own], all);
    }

    /// <summary>"tham gia 150, quà 20, trị giá 5 triệu" from the first three metrics asked.</summary>
    private static string Example(IReadOnlyList<Metric> metrics) => string.Join(", ", metrics.Take(3).Select((m, i) =>
        $"{ReportTexts.MetricName(m)} {(m.Kind == MetricKind.Money ? "5 triệu" : i == 0 ? "150" : "20")}"));

    /// <summary>Stores the answer to the metric at the head of the queue and echoes it formatted.</summary>
    /// <param name="approximate">The codes of <paramref name="values"/> typed as estimates.</param>
    public static async Task RecordMetricAsync(DialogContext ctx, ReportDraft draft, Dictionary<string, decimal> values, Answer answer,
        int campaignId, CancellationToken ct, List<string>? approximate = null)
    {
        approximate ??= [];
        var code = draft.MetricQueue[0];
        draft.MetricQueue.RemoveAt(0);
        if (answer.ChoiceKey == SkipRest)
        {
            foreach (var c in draft.MetricQueue.Prepend(code)) { values.Remove(c); approximate.Remove(c); }
            draft.MetricQueue.Clear();
            return;
        }
        if (answer.Skipped || answer.Number is null) { values.Remove(code); approximate.Remove(code); return; }
        var unit = (await ReportPeriods.MetricAsync(ctx.Db, campaignId, code, ct)).Unit;
        values[code] = answer.Number!.Value;
        ReportDraft.Mark(approximate, code, answer.Approximate);
        ctx.Note(ReportTexts.Recorded(answer.Number.Value, unit, answer.Approximate));
    }

    /// <summary>
    /// Adds the photos of one message. Returns true when the person should hear back now: not while more photos
    /// of the same album are still waiting in the inbox (one answer per album, not one per photo). A photo that
    /// could not be stored is recorded on the activity (which one, why) and the person is told once, with the
    /// album's answer; a photo stored after that is taken as the failed one sent again.
    /// </summary>
    public static async Task<bool> AddPhotosAsync(DialogContext ctx, ActivityDraft activity, Answer answer, CancellationToken ct)
    {
        foreach (var photo in ctx.Message.Photos)
        {
            var position = ++activity.PhotosSent;
            if (photo.StoredPhotoId is not null || photo.RejectedReason is not { } reason) continue;
            activity.PhotoFailures.Add(new PhotoFailureDraft
            {
                Position = position, FileName = photo.FileName, Caption = Cut(ctx.Message.Text, 1024), Reason = reason,
                MaxBytes = photo.MaxBytes, Detail = photo.FailureDetail, At = ctx.Now,
            });
        }
        var room = MaxPhotos - activity.PhotoIds.Count;
        var fresh = answer.PhotoIds.Where(id => !activity.PhotoIds.Contains(id)).ToList();
        activity.PhotoIds.AddRange(fresh.Take(Math.Max(0, room)));
        if (fresh.Count > room) ctx.Note(ReportTexts.TooManyPhotos(MaxPhotos));
        foreach (var resent in activity.PhotoFailures.Where(f => f.Told).Take(Math.Min(fresh.Count, Math.Max(0, room))).ToList())
            activity.PhotoFailures.Remove(resent);
        if (await ctx.MoreOfAlbumPendingAsync(ct)) return false;
        foreach (var failed in activity.PhotoFailures.Where(f => !f.Told))
        {
            ctx.Note(ReportTexts.PhotoFailed(failed.Position, Messaging.PhotoRejections.Explain(failed.Reason, failed.MaxBytes)));
            failed.Told = true;
        }
        return true;
    }

    /// <summary>
    /// After photos that all failed: send them again, or go on without photos ("Gửi không kèm ảnh"); a photo the
    /// platform cannot deliver must never keep the report from being finished.
    /// </summary>
    public static void AskPhotosAgainOrWithout(DialogContext ctx) =>
        ctx.Ask(ReportSteps.Photos, Prompts.Photos(ReportTexts.ResendOrWithoutPhotos) with
        {
            Choices = [[new Messaging.Choice(WithoutPhotos, ReportTexts.WithoutPhotos)]],
        });

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>
    /// The weekly report's photo question: the first photo message (a whole album) answers it, so it has no "Xong"
    /// button. Photos sent earlier are attached first, and then "Xong" is offered.
    /// </summary>
    public static void AskPhotosOnce(DialogContext ctx, ReportDraft draft, bool required)
    {
        if (draft.EarlyPhotoIds.Count > 0 || draft.EarlyPhotoFailures.Count > 0) { AskPhotos(ctx, draft, required); return; }
        ctx.Ask(ReportSteps.Photos, required
            ? Prompts.Photos(ReportTexts.AskPhotosOnceRequired) with { Choices = [], Hint = ReportTexts.NeedOnePhoto }
            : Prompts.Photos(ReportTexts.AskPhotosOnceOptional) with { Choices = [[new Messaging.Choice(WithoutPhotos, ReportTexts.NoPhotos)]] });
    }

    /// <summary>Asks for photos; photos sent earlier in the dialog are attached first and counted.</summary>
    public static void AskPhotos(DialogContext ctx, ReportDraft draft, bool required)
    {
        if (draft.EarlyPhotoIds.Count == 0 && draft.EarlyPhotoFailures.Count == 0) { AskPhotos(ctx, required); return; }
        var activity = draft.CurrentActivity;
        var early = draft.EarlyPhotoIds.Where(id => !activity.PhotoIds.Contains(id)).Take(Math.Max(0, MaxPhotos - activity.PhotoIds.Count)).ToList();
        activity.PhotoIds.AddRange(early);
        // The failures keep their place among all the photos sent for the activity ("ảnh thứ 2"), as at the photo question.
        var before = activity.PhotosSent;
        foreach (var failure in draft.EarlyPhotoFailures)
        {
            failure.Position += before;
            activity.PhotoFailures.Add(failure);
        }
        activity.PhotosSent += Math.Max(draft.EarlyPhotosSent, early.Count + draft.EarlyPhotoFailures.Count);
        draft.EarlyPhotoIds.Clear();
        draft.EarlyPhotoFailures.Clear();
        draft.EarlyPhotosSent = 0;
        if (activity.PhotoIds.Count == 0)
        {
            // Only photos that could not be stored (told when they came): send them again, or go on without.
            AskPhotosAgainOrWithout(ctx);
            return;
        }
        ctx.Note(ReportTexts.EarlyPhotosAttached);
        AskPhotos(ctx, required, ReportTexts.PhotosReceived(activity.PhotoIds.Count));
    }

    /// <summary>Keeps photos sent before the photo question (see <see cref="Engine.IKeepsEarlyPhotos"/>).</summary>
    public static bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<Messaging.IncomingPhoto> photos)
    {
        var draft = ctx.Data<ReportDraft>();
        if (draft.Activities.Count == 0) return false;
        foreach (var photo in photos)
        {
            var position = ++draft.EarlyPhotosSent;
            if (photo.StoredPhotoId is { } id)
            {
                if (!draft.EarlyPhotoIds.Contains(id)) draft.EarlyPhotoIds.Add(id);
            }
            else if (photo.RejectedReason is { } reason)
                draft.EarlyPhotoFailures.Add(new PhotoFailureDraft
                {
                    Position = position, FileName = photo.FileName, Caption = Cut(ctx.Message.Text, 1024), Reason = reason,
                    MaxBytes = photo.MaxBytes, Detail = photo.FailureDetail, At = ctx.Now,
                });
        }
        ctx.SetData(draft);
        return true;
    }

    /// <summary>The early photos that failed and why (each told once, like at the photo question), then what happens next.</summary>
    public static string EarlyPhotosReply(DialogContext ctx)
    {
        var draft = ctx.Data<ReportDraft>();
        var lines = new List<string>();
        foreach (var failed in draft.EarlyPhotoFailures.Where(f => !f.Told))
        {
            lines.Add(ReportTexts.PhotoFailed(failed.Position, Messaging.PhotoRejections.Explain(failed.Reason, failed.MaxBytes)));
            failed.Told = true;
        }
        ctx.SetData(draft);
        lines.Add(draft.EarlyPhotoIds.Count > 0 ? RouterTexts.PhotosKept : ReportTexts.EarlyPhotosFailed);
        return string.Join("\n", lines);
    }
}
