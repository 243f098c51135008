using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using static YouthMonth.Core.Dialogs.Reports.ReportSteps;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// /baocao and /sua: finds the period (named in the command, or the default one, or any other begun period the
/// unit can still send or edit, overdue ones marked), offers to edit when the unit has already reported, records
/// "no activity" in one step, and hands over to the dialog for the period's kind.
/// </summary>
public sealed partial class ReportStarter(IEnumerable<IReportDialog> dialogs) : Dialog<ReportDraft>
{
    public const string DialogName = "report_start";
    public override string Name => DialogName;

    private const string ThisPeriod = "this";
    private const string Other = "other";

    protected override string DescribeProgress(ReportDraft draft) => ReportTexts.Progress(draft.PeriodLabel);

    public override IEnumerable<DialogCommand> Commands =>
    [
        new("baocao", (ctx, call, ct) => StartAsync(ctx, call.Args, ct))
        { Aliases = ["report"], Menu = ReportTexts.MenuReport, MenuOrder = 10, Mode = CommandMode.StartsDialog },
        new("sua", (ctx, _, ct) => StartEditAsync(ctx, ct))
        { Aliases = ["edit"], Menu = ReportTexts.MenuEdit, MenuOrder = 30, Mode = CommandMode.StartsDialog },
    ];

    public Task StartAsync(DialogContext ctx, CancellationToken ct) => StartAsync(ctx, null, ct);

    /// <summary>/baocao, or /baocao tuần 1 (tổng kết, khởi động, …) for a named period.</summary>
    public async Task StartAsync(DialogContext ctx, string? args, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        if (!string.IsNullOrWhiteSpace(args))
        {
            var all = await ReportPeriods.AllAsync(ctx.Db, campaign.Id, ct);
            var named = ReportPeriods.Named(all, args);
            if (named is null)
            {
                ctx.Say(ReportTexts.NoSuchPeriod(args.Trim(), all.Select(p => ReportTexts.ShortLabel(p.Label))));
                return;
            }
            if (named.WindowStart > ctx.Today)
            {
                ctx.Say(ReportTexts.NotBegunYet(ReportTexts.PeriodLine(named, ctx.Zone), VietnamTime.FormatDate(named.WindowStart)));
                return;
            }
            var own = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, [named.Id], ct);
            await BeginForPeriodAsync(ctx, named, own.FirstOrDefault(), canPickOther: false, ct);
            return;
        }
        if (started.Count == 0)
        {
            var first = (await ReportPeriods.AllAsync(ctx.Db, campaign.Id, ct)).OrderBy(p => p.WindowStart).FirstOrDefault();
            ctx.Say(ReportTexts.NoPeriodYet(first is null ? null : ReportTexts.PeriodLine(first, ctx.Zone)));
            return;
        }
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var period = ReportPeriods.ChooseDefault(started, reports, ctx.Now, ctx.Today)!;
        var offerable = ReportPeriods.Offerable(started, reports, ctx.Now);
        var others = offerable.Where(p => p.Id != period.Id).ToList();
        // A kick-off or event-day report is due within hours: "this period or another?" is asked first only when
        // another period is overdue and unsent; the rest stay reachable by name (/baocao tuần 1) and from /sua.
        var pressing = others.Any(p => ctx.Now > p.DeadlineUtc && reports.All(r => r.PeriodId != p.Id));
        await BeginForPeriodAsync(ctx, period, reports.FirstOrDefault(r => r.PeriodId == period.Id),
            canPickOther: others.Count > 0, ct, offerOthersFirst: pressing);
    }

    public async Task StartEditAsync(DialogContext ctx, CancellationToken ct)
    {
        var unit = ctx.Unit!;
        var campaign = await ReportPeriods.CampaignForAsync(ctx.Db, unit, ctx.Today, ct);
        if (campaign is null) { ctx.Say(ReportTexts.NoCampaign); return; }
        var started = await ReportPeriods.StartedAsync(ctx.Db, campaign.Id, ctx.Today, ct);
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, unit.Id, started.Select(p => p.Id), ct);
        var editable = started.Where(p => reports.Any(r => r.PeriodId == p.Id && ReportWriter.CanEdit(r, p, ctx.Now))).ToList();
        if (editable.Count == 0)
        {
            var last = started.LastOrDefault(p => reports.Any(r => r.PeriodId == p.Id));
            ctx.Say(last is null ? ReportTexts.NothingToEdit : ReportTexts.TooLateToEdit(last.Label, ReportTexts.Deadline(last, ctx.Zone)));
            return;
        }
        if (editable.Count > 1)
        {
            Begin(ctx, new ReportDraft { UnitId = unit.Id, PeriodLabel = editable[0].Label });
            ctx.Ask(PickEdit, Prompts.Choice(ReportTexts.PickEdit,
                editable.Select(p => new Choice("p:" + p.Id.ToString(CultureInfo.InvariantCulture), ReportTexts.PeriodLine(p, ctx.Zone)))));
            return;
        }
        var period = editable[0];
        await EditAsync(ctx, period, reports.Single(r => r.PeriodId == period.Id), ct);
    }

    private async Task BeginForPeriodAsync(DialogContext ctx, ReportingPeriod period, Report? existing, bool canPickOther, CancellationToken ct,
        bool offerOthersFirst = false)
    {
        var draft = new ReportDraft { PeriodId = period.Id, UnitId = ctx.Unit!.Id, PeriodLabel = period.Label, Kind = period.Kind };
        Begin(ctx, draft);
        var late = ctx.Now > period.DeadlineUtc;
        if (existing is not null)
        {
            var when = ReportTexts.SentAt(VietnamTime.ToLocal(existing.SubmittedAt ?? existing.CreatedAt, ctx.Zone));
            if (!ReportWriter.CanEdit(existing, period, ctx.Now))
            {
                if (canPickOther)
                {
                    ctx.Note(ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone)));
                    await AskPickPeriodAsync(ctx, draft, ct);
                    return;
                }
                ctx.End();
                ctx.Say(ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone)));
                return;
            }
            var prompt = Prompts.YesNo(ReportTexts.AlreadySent(period.Label, existing.SubmittedBy?.Name, when), ReportTexts.EditExisting, ReportTexts.KeepExisting);
            if (canPickOther) prompt = prompt with { Choices = [.. prompt.Choices, [new Choice(Other, ReportTexts.OtherPeriod)]] };
            ctx.Ask(Existing, prompt);
            return;
        }
        if (period.Kind == PeriodKind.Weekly)
        {
            AskWeeklyStart(ctx, period, late, canPickOther);
            return;
        }
        if (canPickOther && offerOthersFirst)
        {
            // Kick-off, event-day and final reports start with a typed answer, so the other periods are offered first.
            ctx.Ask(OtherStart, Prompts.Choice(ReportTexts.AskThisPeriod(period, ctx.Zone, late),
                [new Choice(ThisPeriod, ReportTexts.ReportThisPeriod), new Choice(Other, ReportTexts.OtherPeriod)]));
            return;
        }
        await DialogFor(period.Kind).BeginAsync(ctx, draft, period, ct);
    }

    /// <summary>Every begun period the unit can still send or edit, overdue ones marked.</summary>
    private static async Task AskPickPeriodAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct)
    {
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        var started = await ReportPeriods.StartedAsync(ctx.Db, period.CampaignId, ctx.Today, ct);
        var reports = await ReportPeriods.ReportsAsync(ctx.Db, draft.UnitId, started.Select(p => p.Id), ct);
        var offerable = ReportPeriods.Offerable(started, reports, ctx.Now);
        ctx.Ask(PickPeriod, Prompts.Choice(ReportTexts.PickPeriod,
            offerable.Select(p => new Choice("p:" + p.Id.ToString(CultureInfo.InvariantCulture),
                ReportTexts.PickLine(p, ctx.Zone, reports.Any(r => r.PeriodId == p.Id), ctx.Now > p.DeadlineUtc)))));
    }

    private async Task EditAsync(DialogContext ctx, ReportingPeriod period, Report report, CancellationToken ct)
    {
        var draft = await ReportWriter.LoadDraftAsync(ctx, report, period, ct);
        if (report.Review == ReviewStatus.Returned) ctx.Note(ReportTexts.Returned(period.Label, report.ReviewReason));
        if (report.Status == ReportStatus.NoActivity)
        {
            // Nothing to review: ask again whether the unit had activities (it may now report some).
            Begin(ctx, draft);
            AskWeeklyStart(ctx, period, late: false, canPickOther: false);
            return;
        }
        var dialog = DialogFor(period.Kind);
        ctx.Begin(dialog.Name, draft);
        await dialog.ShowReviewAsync(ctx, draft, ct);
    }

    protected override async Task OnAnswerAsync(DialogContext ctx, ReportDraft draft, string step, Answer answer, CancellationToken ct)
    {
        if (step == PickEdit && answer.ChoiceKey is { } pick && pick.StartsWith("p:", StringComparison.Ordinal))
        {
            var pickedId = int.Parse(pick[2..], CultureInfo.InvariantCulture);
            var toEdit = await ReportPeriods.PeriodAsync(ctx.Db, pickedId, ct);
            var existingReport = await ReportPeriods.ReportAsync(ctx.Db, pickedId, draft.UnitId, ct);
            await EditAsync(ctx, toEdit, existingReport, ct);
            return;
        }
        var period = await ReportPeriods.PeriodAsync(ctx.Db, draft.PeriodId, ct);
        switch (step, answer.ChoiceKey)
        {
            case (Existing, ChoiceKeys.Yes):
                var report = await ReportPeriods.ReportAsync(ctx.Db, period.Id, draft.UnitId, ct);
                await EditAsync(ctx, period, report, ct);
                return;
            case (Existing or WeeklyStart or OtherStart, Other):
                await AskPickPeriodAsync(ctx, draft, ct);
                return;
            case (Existing, _):
                ctx.End();
                ctx.Say(ReportTexts.KeptExisting);
                return;
            case (OtherStart, ThisPeriod):
                await DialogFor(period.Kind).BeginAsync(ctx, draft, period, ct);
                return;
            case (WeeklyStart, "act"):
                var dialog = DialogFor(period.Kind);
                ctx.Begin(dialog.Name, draft);
                await dialog.BeginAsync(ctx, draft, period, ct);
                return;
            case (WeeklyStart, null) when answer.Text is { } typed:
                await TypedAtWeeklyStartAsync(ctx, draft, period, typed, ct);
                return;
            case (WeeklyStart, "none"):
                var outcome = await ReportWriter.SaveAsync(ctx, draft, ReportStatus.NoActivity, ct);
                ctx.End();
                ctx.Say(outcome == ReportWriter.Outcome.TooLateToEdit
                    ? ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone))
                    : ReportTexts.SentNoActivity(period.Label, ctx.Now > period.DeadlineUtc));
                return;
            case (PickPeriod, { } key) when key.StartsWith("p:", StringComparison.Ordinal):
                var id = int.Parse(key[2..], CultureInfo.InvariantCulture);
                var picked = await ReportPeriods.PeriodAsync(ctx.Db, id, ct);
                var existing = await ctx.Db.Reports.AsNoTracking().Include(r => r.SubmittedBy)
                    .FirstOrDefaultAsync(r => r.PeriodId == id && r.UnitId == draft.UnitId && r.Status != ReportStatus.Draft, ct);
                await BeginForPeriodAsync(ctx, picked, existing, canPickOther: false, ct);
                return;
        }
        ctx.AskAgain(EngineTexts.NotAChoice);
    }

    /// <summary>"Trong kỳ này đơn vị có hoạt động không?"; an activity's title typed instead is taken as "có" and that activity.</summary>
    private static void AskWeeklyStart(DialogContext ctx, ReportingPeriod period, bool late, bool canPickOther)
    {
        List<Choice> choices = [new("act", ReportTexts.ReportActivities), new("none", ReportTexts.NoActivity)];
        if (canPickOther) choices.Add(new(Other, ReportTexts.OtherPeriod));
        ctx.Ask(WeeklyStart, Prompts.Choice(ReportTexts.AskWeekly(period, ctx.Zone, late), choices) with { OrText = true, MaxLength = 1000 });
    }

    /// <summary>
    /// Text typed at "có hoạt động không?" that is neither button: "hiến máu", "có, tổ chức hiến máu tình nguyện" is
    /// "có" and that activity (picked as at the activity question: a planned one by its first words, else a new
    /// title asked its category); "có hoạt động" is a plain "có". A denial is never guessed into "no activity".
    /// </summary>
    private async Task TypedAtWeeklyStartAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, string typed, CancellationToken ct)
    {
        var words = Text.VietnameseText.Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ':', ';', '-')).Where(w => w.Length > 0).ToList();
        if (words.Count == 0 || Denials.Contains(words[0]))
        {
            ctx.AskAgain(EngineTexts.NotAChoice);
            return;
        }
        // "3" where there are two choices is a slip, not an activity called "3".
        if (words.All(w => w.All(char.IsAsciiDigit)))
        {
            ctx.AskAgain(EngineTexts.OutOfRange(ctx.Prompt!.AllChoices.Count));
            return;
        }
        var title = LeadingYes().Replace(typed, "").Trim();
        var weekly = dialogs.OfType<WeeklyReportDialog>().First();
        ctx.Begin(weekly.Name, draft);
        if (title.Length == 0 || words.SkipWhile(w => w == "co").All(PlainYesWords.Contains))
            await weekly.BeginAsync(ctx, draft, period, ct);
        else
            await weekly.BeginWithTitleAsync(ctx, draft, period, title, ct);
    }

    private static readonly HashSet<string> Denials = new(StringComparer.Ordinal) { "khong", "ko", "k", "chua", "no" };
    private static readonly HashSet<string> PlainYesWords = new(StringComparer.Ordinal)
        { "co", "a", "hoat", "dong", "hd", "bao", "cao", "nhe", "roi", "vang", "da", "ok", "oke", "u", "yes" };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(có|co|vâng|dạ|ok)\b[\s,.:;!–-]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LeadingYes();

    private IReportDialog DialogFor(PeriodKind kind) => dialogs.First(d => d.Handles(kind));
}
