using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Plan;

/// <summary>
/// The plan rows a dialog turn reads (campaigns, periods, metrics, activities, an organisation's time zone), kept
/// in memory per database and per <c>plan_version</c> (migration 0790: every write to a plan table bumps it).
/// A turn reads the version once, with its dialog state (<see cref="UseVersion"/>), or on its first plan read;
/// when the number has moved the cached plan is dropped, so an office edit is seen by the very next turn, on
/// every Bot instance. Rows are loaded lazily, per campaign, in the caller's transaction.
/// </summary>
/// <remarks>
/// Cached rows are loaded after the version was read, so they are never older than the version they are kept
/// under (at worst newer, which is what an uncached read would have seen too). The returned entities are shared
/// between turns: callers read them and never change them. Lists are copies the caller may change.
/// </remarks>
public static class PlanCache
{
    private static readonly ConcurrentDictionary<string, Snapshot> Snapshots = new();

    /// <summary>One campaign's plan, ordered as the dialogs show it.</summary>
    public sealed class CampaignPlan
    {
        public required Campaign Campaign { get; init; }
        /// <summary>By deadline, then id.</summary>
        public required IReadOnlyList<ReportingPeriod> Periods { get; init; }
        /// <summary>By sort order, then id.</summary>
        public required IReadOnlyList<Metric> Metrics { get; init; }
        /// <summary>By sort order, then id (without their responsible units: see <see cref="IsResponsible"/>).</summary>
        public required IReadOnlyList<Activity> Activities { get; init; }
        /// <summary>Activity id → the ids of the units it names.</summary>
        public required ILookup<int, int> ResponsibleUnits { get; init; }

        /// <summary>True when the activity names this unit among its responsible units.</summary>
        public bool IsResponsible(int activityId, int unitId) => ResponsibleUnits[activityId].Contains(unitId);
    }

    private sealed class Snapshot(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<int, CampaignPlan> Campaigns { get; } = new();
        public ConcurrentDictionary<int, int> PeriodCampaign { get; } = new();
        public ConcurrentDictionary<int, int> ActivityCampaign { get; } = new();
        public ConcurrentDictionary<int, IReadOnlyList<Campaign>> OrganisationCampaigns { get; } = new();
        public ConcurrentDictionary<int, string> OrganisationZones { get; } = new();
    }

    /// <summary>The SQL expression of the current version, for a caller that reads it with other rows.</summary>
    public const string VersionSql = "(SELECT value FROM plan_version)";

    /// <summary>Tells the cache the version this turn read (together with other rows, saving a round trip).</summary>
    public static void UseVersion(YouthMonthDb db, long version) => db.PlanVersion = version;

    public static async Task<CampaignPlan?> CampaignAsync(YouthMonthDb db, int campaignId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.Campaigns.TryGetValue(campaignId, out var plan)) return plan;
        plan = await LoadCampaignAsync(db, campaignId, ct);
        if (plan is null) return null;
        snapshot.Campaigns[campaignId] = plan;
        foreach (var p in plan.Periods) snapshot.PeriodCampaign[p.Id] = campaignId;
        foreach (var a in plan.Activities) snapshot.ActivityCampaign[a.Id] = campaignId;
        return plan;
    }

    public static async Task<ReportingPeriod?> PeriodAsync(YouthMonthDb db, int periodId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (!snapshot.PeriodCampaign.TryGetValue(periodId, out var campaignId))
        {
            var found = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => (int?)p.CampaignId).FirstOrDefaultAsync(ct);
            if (found is null) return null;
            campaignId = found.Value;
        }
        var plan = await CampaignAsync(db, campaignId, ct);
        return plan?.Periods.FirstOrDefault(p => p.Id == periodId);
    }

    public static async Task<Activity?> ActivityAsync(YouthMonthDb db, int activityId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (!snapshot.ActivityCampaign.TryGetValue(activityId, out var campaignId))
        {
            var found = await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => (int?)a.CampaignId).FirstOrDefaultAsync(ct);
            if (found is null) return null;
            campaignId = found.Value;
        }
        var plan = await CampaignAsync(db, campaignId, ct);
        return plan?.Activities.FirstOrDefault(a => a.Id == activityId);
    }

    /// <summary>Every campaign of the organisation, whatever its status.</summary>
    public static async Task<IReadOnlyList<Campaign>> CampaignsOfAsync(YouthMonthDb db, int organisationId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.OrganisationCampaigns.TryGetValue(organisationId, out var campaigns)) return campaigns;
        campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Id).ToListAsync(ct);
        snapshot.OrganisationCampaigns[organisationId] = campaigns;
        return campaigns;
    }

    /// <summary>The organisation's IANA time zone id; null when there is no such organisation.</summary>
    public static async Task<string?> TimeZoneIdAsync(YouthMonthDb db, int organisationId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.OrganisationZones.TryGetValue(organisationId, out var zone)) return zone;
        zone = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zone is not null) snapshot.OrganisationZones[organisationId] = zone;
        return zone;
    }

    private static async Task<Snapshot> SnapshotAsync(YouthMonthDb db, CancellationToken ct)
    {
        var version = db.PlanVersion ??= await db.Database
            .SqlQueryRaw<long>("""SELECT value AS "Value" FROM plan_version""").SingleAsync(ct);
        // A turn that read an older number than the cache holds started before the edit committed; the newer rows
        // are what it would read from the database now anyway.
        return Snapshots.AddOrUpdate(Key(db), _ => new Snapshot(version),
            (_, cached) => cached.Version >= version ? cached : new Snapshot(version));
    }

    // Per database: tests run many databases in one process, each with its own numbering.
    private static string Key(YouthMonthDb db) => db.Database.GetDbConnection() is NpgsqlConnection c
        ? $"{c.Host}:{c.Port}/{c.Database}"
        : db.Database.GetDbConnection().ConnectionString;

    private static async Task<CampaignPlan?> LoadCampaignAsync(YouthMonthDb db, int campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return null;
        var periods = await db.Periods.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id).ToListAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.CampaignId == campaignId)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        var responsible = await db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .SelectMany(a => a.ResponsibleUnits.Select(u => new { ActivityId = a.Id, UnitId = u.Id })).ToListAsync(ct);
        return new CampaignPlan
        {
            Campaign = campaign, Periods = periods, Metrics = metrics, Activities = activities,
            ResponsibleUnits = responsible.ToLookup(r => r.ActivityId, r => r.UnitId),
        };
    }
}
