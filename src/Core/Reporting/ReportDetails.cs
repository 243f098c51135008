using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Reporting;

/// <summary>
/// A whole report as the office reads it: who sent it and when (late or not), its report-wide numbers, each
/// activity with news, links, numbers and photos, the assessment ("Mặt được", "Hạn chế"), the award nominations,
/// the review state and the audit trail. The admin API and the office web app show this one shape.
/// </summary>
public sealed record ReportDetails(
    int Id, int PeriodId, string Period, PeriodKind PeriodKind, int CampaignId, int UnitId, string Unit, string? Cluster,
    ReportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, bool IsLate, int? SubmittedByContactId, string? SubmittedBy,
    ReviewStatus Review, string? ReviewReason, DateTimeOffset? ReviewedAt,
    IReadOnlyList<ReportValueDetails> Totals, IReadOnlyList<ReportActivityDetails> Activities, ReportAssessment? Assessment,
    IReadOnlyList<NominationDetails> Nominations, IReadOnlyList<ReportAuditDetails> Audit, uint Version);

/// <param name="Approximate">Typed as an estimate ("khoảng 200"); shown with "≈".</param>
public sealed record ReportValueDetails(string Code, string Label, string Unit, decimal Value, bool Approximate = false);

/// <param name="PhotoFailures">Photos the person sent that could not be stored; the report went without them.</param>
public sealed record ReportActivityDetails(int Id, int? ActivityId, string Title, string Category, string CategoryLabel, DateOnly? Date,
    string? NewsText, IReadOnlyList<string> Links, IReadOnlyList<ReportValueDetails> Values, IReadOnlyList<ReportPhotoDetails> Photos,
    IReadOnlyList<ReportPhotoFailureDetails> PhotoFailures);

public sealed record ReportPhotoDetails(int PhotoId, string ContentType, int? Width, int? Height, long SizeBytes, string? Caption);

/// <summary>A photo that could not be stored: which one of the activity's photos, why (a code and in words), when.</summary>
/// <param name="Position">Its place among the photos sent for the activity, from 1.</param>
/// <param name="Detail">What the platform answered ("HTTP 503"), when known.</param>
public sealed record ReportPhotoFailureDetails(int Position, string? FileName, string? Caption, Messaging.PhotoRejection Reason,
    string ReasonText, string? Detail, DateTimeOffset FailedAt);

/// <summary>"Mặt được" and "Hạn chế" of a final report.</summary>
public sealed record ReportAssessment(string? Strengths, string? Limitations);

public sealed record NominationDetails(NominationKind Kind, string KindLabel, int Order, string Name, string? Position, string? Achievement);

public sealed record ReportAuditDetails(DateTimeOffset At, string Who, string Action);

/// <summary>Filters of <see cref="ReportDetailsQuery.ListAsync"/>; every one optional.</summary>
public sealed record ReportFilter(int? CampaignId = null, int? PeriodId = null, int? UnitId = null, PeriodKind? Kind = null,
    ReportStatus? Status = null, ReviewStatus? Review = null, bool? Late = null);

public static class ReportDetailsQuery
{
    public static string KindLabel(NominationKind kind) => kind == NominationKind.Collective ? "Tập thể" : "Cá nhân";

    public static async Task<ReportDetails?> GetAsync(YouthMonthDb db, int id, CancellationToken ct = default) =>
        (await LoadAsync(db, Reports(db).Where(r => r.Id == id).OrderBy(r => r.Id), 0, 1, ct)).SingleOrDefault();

    /// <summary>
    /// One page of whole reports, by period then unit name. Drafts only when <see cref="ReportFilter.Status"/> asks
    /// for them: a draft is not yet a report.
    /// </summary>
    public static async Task<(IReadOnlyList<ReportDetails> Items, int Total)> ListAsync(YouthMonthDb db, ReportFilter filter, int page,
        int pageSize, CancellationToken ct = default)
    {
        var query = Reports(db);
        if (filter.CampaignId is { } campaign) query = query.Where(r => r.Period!.CampaignId == campaign);
        if (filter.PeriodId is { } period) query = query.Where(r => r.PeriodId == period);
        if (filter.UnitId is { } unit) query = query.Where(r => r.UnitId == unit);
        if (filter.Kind is { } kind) query = query.Where(r => r.Period!.Kind == kind);
        query = filter.Status is { } status ? query.Where(r => r.Status == status) : query.Where(r => r.Status != ReportStatus.Draft);
        if (filter.Review is { } review) query = query.Where(r => r.Review == review);
        if (filter.Late is { } late) query = query.Where(r => r.IsLate == late);
        var total = await query.CountAsync(ct);
        var ordered = query.OrderBy(r => r.Period!.DeadlineUtc).ThenBy(r => r.PeriodId).ThenBy(r => r.Unit!.Name).ThenBy(r => r.Id);
        return (await LoadAsync(db, ordered, (page - 1) * pageSize, pageSize, ct), total);
    }

    private static IQueryable<Report> Reports(YouthMonthDb db) => db.Reports.AsNoTracking();

    private static async Task<List<ReportDetails>> LoadAsync(YouthMonthDb db, IQueryable<Report> query, int skip, int take, CancellationToken ct)
    {
        var reports = await query.Skip(skip).Take(take)
            .Include(r => r.Period).Include(r => r.Unit).Include(r => r.SubmittedBy)
            .Include(r => r.Values).Include(r => r.Nominations)
            .Include(r => r.Activities).ThenInclude(a => a.Photos).ThenInclude(p => p.Photo)
            .Include(r => r.Activities).ThenInclude(a => a.PhotoFailures)
            .AsSplitQuery().ToListAsync(ct);
        if (reports.Count == 0) return [];
        var ids = reports.Select(r => r.Id).ToList();
        var campaigns = reports.Select(r => r.Period!.CampaignId).Distinct().ToList();
        var metrics = (await db.Metrics.AsNoTracking().Where(m => campaigns.Contains(m.CampaignId)).ToListAsync(ct))
            .GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => g.ToDictionary(m => m.Code, StringComparer.Ordinal));
        var audits = (await db.ReportAudits.AsNoTracking().Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.At).ThenBy(a => a.Id)
                .Select(a => new { a.ReportId, a.At, a.Actor, Contact = a.ContactId == null ? null : db.Contacts.Where(c => c.Id == a.ContactId).Select(c => c.Name).FirstOrDefault(), a.Action })
                .ToListAsync(ct))
            .ToLookup(a => a.ReportId);

        return [.. reports.Select(r =>
        {
            var known = metrics.GetValueOrDefault(r.Period!.CampaignId) ?? [];
            ReportValueDetails Value(ReportMetricValue v) => known.TryGetValue(v.MetricCode, out var m)
                ? new(v.MetricCode, m.Label, m.Unit, v.Value, v.Approximate) : new(v.MetricCode, v.MetricCode, "", v.Value, v.Approximate);
            IEnumerable<ReportMetricValue> InOrder(IEnumerable<ReportMetricValue> values) =>
                values.OrderBy(v => known.TryGetValue(v.MetricCode, out var m) ? m.SortOrder : int.MaxValue).ThenBy(v => v.MetricCode, StringComparer.Ordinal);
            var assessment = r.Assessment is null && r.Limitations is null ? null : new ReportAssessment(r.Assessment, r.Limitations);
            return new ReportDetails(r.Id, r.PeriodId, r.Period.Label, r.Period.Kind, r.Period.CampaignId, r.UnitId, r.Unit!.Name, r.Unit.Cluster,
                r.Status, r.CreatedAt, r.SubmittedAt, r.IsLate, r.SubmittedByContactId, r.SubmittedBy?.Name,
                r.Review, r.ReviewReason, r.ReviewedAt,
                [.. InOrder(r.Values.Where(v => v.ReportActivityId is null)).Select(Value)],
                [.. r.Activities.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new ReportActivityDetails(a.Id, a.ActivityId, a.Title, a.Category,
                    ActivityCategories.Labels.GetValueOrDefault(a.Category, a.Category), a.Date, a.NewsText, [.. a.Links],
                    [.. InOrder(r.Values.Where(v => v.ReportActivityId == a.Id)).Select(Value)],
                    [.. a.Photos.OrderBy(p => p.SortOrder).Select(p => new ReportPhotoDetails(p.PhotoId, p.Photo!.ContentType, p.Photo.Width,
                        p.Photo.Height, p.Photo.SizeBytes, p.Caption))],
                    [.. a.PhotoFailures.OrderBy(f => f.Position).Select(f => new ReportPhotoFailureDetails(f.Position, f.FileName, f.Caption,
                        f.Reason, Messaging.PhotoRejections.Short(f.Reason), f.Detail, f.FailedAt))]))],
                assessment,
                [.. r.Nominations.OrderBy(n => n.Kind).ThenBy(n => n.SortOrder).Select(n => new NominationDetails(n.Kind, KindLabel(n.Kind),
                    n.SortOrder + 1, n.Name, n.Position, string.IsNullOrEmpty(n.Reason) ? null : n.Reason))],
                [.. audits[r.Id].Select(a => new ReportAuditDetails(a.At, a.Actor ?? a.Contact ?? "", a.Action))],
                r.Version);
        })];
    }
}
