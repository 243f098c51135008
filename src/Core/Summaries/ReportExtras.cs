using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Summaries;

public sealed record NominationRow(string Unit, string Period, NominationKind Kind, string Name, string? Position, string Achievement);

public sealed record LinkRow(string Unit, string Period, string Activity, string Url);

/// <summary>A photo a unit sent that could not be downloaded; its report went without it (<see cref="ReportPhotoFailure"/>).</summary>
/// <param name="FailedAt">Local time of the organisation.</param>
public sealed record PhotoFailureRow(string Unit, string Period, string Activity, int Position, string Reason, string? Detail, DateTime FailedAt);

/// <summary>
/// What units sent besides numbers, for the .xlsx: award proposals, the links of their activities and the photos
/// that could not be downloaded, over the summary's scope (counted reports of active units), ordered by unit, then period.
/// </summary>
public sealed record ReportExtras(IReadOnlyList<NominationRow> Nominations, IReadOnlyList<LinkRow> Links,
    IReadOnlyList<PhotoFailureRow>? PhotoFailures = null)
{
    public static async Task<ReportExtras> LoadAsync(YouthMonthDb db, CampaignSummary s, CancellationToken ct)
    {
        var reports = Counted(db, s);
        var nominations = await reports.SelectMany(r => r.Nominations.Select(n => new
            {
                Unit = r.Unit!.Name, Period = r.Period!.Label, Deadline = r.Period.DeadlineUtc, n.Kind, n.SortOrder, n.Name, n.Position, n.Reason,
            }))
            .OrderBy(n => n.Unit).ThenBy(n => n.Deadline).ThenBy(n => n.Kind).ThenBy(n => n.SortOrder).ToListAsync(ct);
        var links = await reports.SelectMany(r => r.Activities.Where(a => a.Links.Count > 0).Select(a => new
            {
                Unit = r.Unit!.Name, Period = r.Period!.Label, Deadline = r.Period.DeadlineUtc, a.SortOrder, a.Title, a.Links,
            }))
            .OrderBy(a => a.Unit).ThenBy(a => a.Deadline).ThenBy(a => a.SortOrder).ToListAsync(ct);
        return new ReportExtras(
            [.. nominations.Select(n => new NominationRow(n.Unit, n.Period, n.Kind, n.Name, n.Position, n.Reason))],
            [.. links.SelectMany(a => a.Links.Select(url => new LinkRow(a.Unit, a.Period, a.Title, url)))],
            await PhotoFailuresAsync(db, s, ct));
    }

    private static IQueryable<Report> Counted(YouthMonthDb db, CampaignSummary s)
    {
        var periods = s.Periods.Select(p => p.PeriodId).ToArray();
        return db.Reports.AsNoTracking().Where(r => periods.Contains(r.PeriodId) && r.Status == ReportStatus.Submitted
            && r.Unit!.Active && r.Unit.OrganisationId == s.Header.OrganisationId);
    }

    /// <summary>The photos that could not be downloaded, for the .xlsx's sheet and the .docx's notes; same scope and order.</summary>
    public static async Task<List<PhotoFailureRow>> PhotoFailuresAsync(YouthMonthDb db, CampaignSummary s, CancellationToken ct)
    {
        var failures = await Counted(db, s).SelectMany(r => r.Activities.SelectMany(a => a.PhotoFailures.Select(f => new
            {
                Unit = r.Unit!.Name, Period = r.Period!.Label, Deadline = r.Period.DeadlineUtc, ActivityOrder = a.SortOrder, a.Title,
                f.Position, f.Reason, f.Detail, f.FailedAt,
            })))
            .OrderBy(f => f.Unit).ThenBy(f => f.Deadline).ThenBy(f => f.ActivityOrder).ThenBy(f => f.Position).ToListAsync(ct);
        if (failures.Count == 0) return [];
        var zone = VietnamTime.Zone(await db.Organisations.Where(o => o.Id == s.Header.OrganisationId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(ct));
        return [.. failures.Select(f => new PhotoFailureRow(f.Unit, f.Period, f.Title, f.Position, Messaging.PhotoRejections.Short(f.Reason), f.Detail,
            VietnamTime.ToLocal(f.FailedAt, zone)))];
    }
}
