using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// Writes a confirmed draft as the unit's one report for the period: created on first sending, replaced on an
/// edit (so a second contact's edit never adds numbers twice), with an audit row for every change. After the
/// deadline a first report is accepted and marked late; an edit is refused unless the office returned the report
/// for fixing. Any edit puts the report back in the office's review queue.
/// </summary>
public static class ReportWriter
{
    public enum Outcome { Created, Updated, TooLateToEdit }

    /// <summary>A sent report can be edited until its deadline, and after it when the office returned it for fixing.</summary>
    public static bool CanEdit(Report report, ReportingPeriod period, DateTimeOffset now) =>
        now <= period.DeadlineUtc || report.Review == ReviewStatus.Returned;

    /// <summary>Saves a confirmed report, ends the dialog and tells the person how it went (sent, updated, late or refused).</summary>
    public static async Task SendAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct)
    {
        var outcome = await SaveAsync(ctx, draft, ReportStatus.Submitted, ct);
        ctx.End();
        ctx.Say(outcome == Outcome.TooLateToEdit
            ? ReportTexts.TooLateToEdit(period.Label, ReportTexts.Deadline(period, ctx.Zone))
            : ReportTexts.Sent(period.Label, ctx.Now > period.DeadlineUtc && outcome == Outcome.Created, outcome == Outcome.Updated));
    }

    public static async Task<Outcome> SaveAsync(DialogContext ctx, ReportDraft draft, ReportStatus status, CancellationToken ct)
    {
        var db = ctx.Db;
        var period = await ReportPeriods.PeriodAsync(db, draft.PeriodId, ct);
        var late = ctx.Now > period.DeadlineUtc;
        var report = await db.Reports
            .Include(r => r.Activities).ThenInclude(a => a.Photos)
            .Include(r => r.Activities).ThenInclude(a => a.PhotoFailures)
            .Include(r => r.Values).Include(r => r.Nominations)
            .FirstOrDefaultAsync(r => r.PeriodId == draft.PeriodId && r.UnitId == draft.UnitId, ct);
        var existed = report is not null && report.Status != ReportStatus.Draft;
        if (existed && !CanEdit(report!, period, ctx.Now)) return Outcome.TooLateToEdit;
        if (existed && draft.ReportId is null) ctx.Note(ReportTexts.ReplacedOther);

        if (report is null)
        {
            report = new Report { PeriodId = draft.PeriodId, UnitId = draft.UnitId, CreatedAt = ctx.Now };
            db.Reports.Add(report);
        }
        else
        {
            // Replace the content: the edit is the unit's report now, never an addition to it.
            db.ReportValues.RemoveRange(report.Values);
            db.ReportActivities.RemoveRange(report.Activities);
            db.Nominations.RemoveRange(report.Nominations);
            await db.SaveChangesAsync(ct);
            report.Values.Clear();
            report.Activities.Clear();
            report.Nominations.Clear();
        }
        if (!existed)
        {
            report.SubmittedAt = ctx.Now;
            report.IsLate = late;
        }
        if (existed)
        {
            // A changed report is reviewed again, whatever the office decided about the old one.
            report.Review = ReviewStatus.Pending;
            report.ReviewReason = null;
            report.ReviewedAt = null;
        }
        report.Status = status;
        report.SubmittedByContactId = ctx.Contact?.Id;
        report.Assessment = draft.Assessment;
        report.Limitations = draft.Limitations;
        if (status == ReportStatus.Submitted) Fill(report, draft);
        await db.SaveChangesAsync(ct);

        db.ReportAudits.Add(new ReportAudit
        {
            ReportId = report.Id,
            At = ctx.Now,
            ContactId = ctx.Contact?.Id,
            Action = (existed, status) switch
            {
                (_, ReportStatus.NoActivity) => existed ? ReportTexts.AuditEditNoActivity : ReportTexts.AuditNoActivity,
                (true, _) => ReportTexts.AuditEdit,
                _ => late ? ReportTexts.AuditSentLate : ReportTexts.AuditSent,
            },
            Snapshot = MessageJson.Serialize(draft),
        });
        await db.SaveChangesAsync(ct);
        draft.ReportId = report.Id;
        return existed ? Outcome.Updated : Outcome.Created;
    }

    private static void Fill(Report report, ReportDraft draft)
    {
        var order = 0;
        foreach (var a in draft.Activities)
        {
            var activity = new ReportActivity
            {
                Title = a.Title, ActivityId = a.ActivityId, Category = a.Category, Date = a.Date,
                NewsText = a.News, Links = [.. a.Links], SortOrder = ++order,
                Photos = a.PhotoIds.Distinct().Select((id, i) => new ReportPhoto { PhotoId = id, SortOrder = i + 1 }).ToList(),
                PhotoFailures = a.PhotoFailures.Select(f => new ReportPhotoFailure
                {
                    Position = f.Position, FileName = f.FileName, Caption = f.Caption, Reason = f.Reason, Detail = f.Detail, FailedAt = f.At,
                }).ToList(),
            };
            report.Activities.Add(activity);
            foreach (var (code, value) in a.Values)
                report.Values.Add(new ReportMetricValue
                {
                    MetricCode = code, Value = value, ReportActivity = activity, Approximate = a.Approximate.Contains(code),
                });
        }
        foreach (var (code, value) in draft.Totals)
            report.Values.Add(new ReportMetricValue { MetricCode = code, Value = value, Approximate = draft.ApproximateTotals.Contains(code) });
        foreach (var kind in draft.Nominations.GroupBy(n => n.Kind))
            report.Nominations.AddRange(kind.Select((n, i) => new Nomination
            {
                Kind = n.Kind, SortOrder = i, Name = n.Name, Position = n.Position, Reason = n.Reason ?? "",
            }));
    }

    /// <summary>A draft holding what the unit's report says now, for an edit.</summary>
    public static async Task<ReportDraft> LoadDraftAsync(DialogContext ctx, Report report, ReportingPeriod period, CancellationToken ct)
    {
        var full = await ctx.Db.Reports.AsNoTracking()
            .Include(r => r.Activities).ThenInclude(a => a.Photos)
            .Include(r => r.Activities).ThenInclude(a => a.PhotoFailures)
            .Include(r => r.Values).Include(r => r.Nominations)
            .AsSplitQuery().SingleAsync(r => r.Id == report.Id, ct);
        var draft = new ReportDraft
        {
            PeriodId = period.Id, UnitId = full.UnitId, PeriodLabel = period.Label, Kind = period.Kind, ReportId = full.Id,
            Assessment = full.Assessment, Limitations = full.Limitations,
            Totals = full.Values.Where(v => v.ReportActivityId is null).ToDictionary(v => v.MetricCode, v => v.Value),
            ApproximateTotals = full.Values.Where(v => v.ReportActivityId is null && v.Approximate).Select(v => v.MetricCode).ToList(),
        };
        foreach (var a in full.Activities.OrderBy(a => a.SortOrder))
            draft.Activities.Add(new ActivityDraft
            {
                ActivityId = a.ActivityId, Title = a.Title, Category = a.Category, Date = a.Date, News = a.NewsText, Links = [.. a.Links],
                PhotoIds = a.Photos.OrderBy(p => p.SortOrder).Select(p => p.PhotoId).ToList(),
                PhotosSent = a.Photos.Count + a.PhotoFailures.Count,
                PhotoFailures = a.PhotoFailures.OrderBy(f => f.Position).Select(f => new PhotoFailureDraft
                {
                    Position = f.Position, FileName = f.FileName, Caption = f.Caption, Reason = f.Reason, Detail = f.Detail, At = f.FailedAt, Told = true,
                }).ToList(),
                Values = full.Values.Where(v => v.ReportActivityId == a.Id).ToDictionary(v => v.MetricCode, v => v.Value),
                Approximate = full.Values.Where(v => v.ReportActivityId == a.Id && v.Approximate).Select(v => v.MetricCode).ToList(),
            });
        draft.Nominations = full.Nominations.OrderBy(n => n.Kind).ThenBy(n => n.SortOrder)
            .Select(n => new NominationDraft { Kind = n.Kind, Name = n.Name, Position = n.Position, Reason = n.Reason }).ToList();
        return draft;
    }
}
