using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Core.Scheduling;

/// <summary>
/// Runs plan triggers: works out who gets what from the plan and the reports as they are now, and puts each
/// message in the outbox with a unique dedup key ("{trigger key}:c{contact id}" or ":a{chat account id}").
/// Each insert commits on its own, so an interrupted fan-out keeps what it wrote and a rerun adds only the rest;
/// a trigger that finished is recorded in <see cref="ScheduledRun"/> and never runs again. Firing twice, on two
/// hosts or after a crash therefore never sends anything twice.
/// </summary>
public sealed class ScheduledSends(YouthMonthDb db, TimeProvider clock)
{
    /// <summary>Scheduler nodes' clocks may differ a little from this one: a firing this early still counts.</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(5);

    /// <summary>Triggers of every active campaign that are still useful at <paramref name="now"/> and have not completed.</summary>
    public async Task<IReadOnlyList<PlanTrigger>> PendingAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ids = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Active).Select(c => c.Id).ToListAsync(ct);
        var completed = (await db.ScheduledRuns.AsNoTracking().Where(r => ids.Contains(r.CampaignId)).Select(r => r.Key).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var pending = new List<PlanTrigger>();
        foreach (var id in ids)
        {
            var (campaign, zone) = await LoadAsync(id, ct);
            if (campaign is null) continue;
            pending.AddRange(PlanTriggers.For(campaign, zone).Where(t => t.UsefulUntilUtc > now && !completed.Contains(t.Key)));
        }
        return pending;
    }

    /// <summary>
    /// Triggers of every active campaign that are due at <paramref name="now"/> (time reached, still useful, not
    /// completed), with a readable title for the job engine's dashboard. A late reminder that a later one of the
    /// same period supersedes is left out (only the firmer one goes out).
    /// </summary>
    public async Task<IReadOnlyList<(PlanTrigger Trigger, string Title)>> DueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ids = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Active).Select(c => c.Id).ToListAsync(ct);
        var completed = (await db.ScheduledRuns.AsNoTracking().Where(r => ids.Contains(r.CampaignId)).Select(r => r.Key).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var due = new List<(PlanTrigger, string)>();
        foreach (var id in ids)
        {
            var (campaign, zone) = await LoadAsync(id, ct);
            if (campaign is null) continue;
            var triggers = PlanTriggers.For(campaign, zone);
            due.AddRange(triggers
                .Where(t => t.FireAtUtc - EarlyTolerance <= now && now < t.UsefulUntilUtc && !completed.Contains(t.Key) && !Superseded(t, triggers, now))
                .Select(t => (t, SchedulingTexts.JobTitle(campaign, t))));
        }
        return due;
    }

    /// <summary>
    /// Posts a period's compiled summary to the organisation's leader chats now (the office's "send this summary
    /// now"). <paramref name="requestId"/> names the request: the same request run again (the job engine retrying
    /// it) adds only what is missing; another request posts again. Returns messages enqueued, null for no such period.
    /// </summary>
    public async Task<int?> PostSummaryNowAsync(int periodId, Guid requestId, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.Campaign).FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period?.Campaign is null) return null;
        return await PostSummaryAsync(period.Campaign.OrganisationId, period.Id, $"summary-now:{period.Id}:{requestId:N}", clock.GetUtcNow(), ct);
    }

    /// <summary>Runs every trigger of the campaign that is due now (what a scheduler tick would fire); returns messages enqueued.</summary>
    public async Task<int> RunDueAsync(int campaignId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (campaign, zone) = await LoadAsync(campaignId, ct);
        if (campaign is null) return 0;
        var total = 0;
        var triggers = PlanTriggers.For(campaign, zone);
        foreach (var trigger in triggers.Where(t => t.IsDue(now)))
            total += await FanOutAsync(campaign, zone, trigger, Superseded(trigger, triggers, now), now, ct) ?? 0;
        return total;
    }

    /// <summary>
    /// Runs one trigger by key, as the plan is now: nothing when the plan no longer has it (period deleted, deadline
    /// moved, campaign closed), when it is no longer useful (a reminder after the deadline) or when it already completed.
    /// Returns the messages enqueued, or null when it did nothing.
    /// </summary>
    public async Task<int?> RunAsync(int campaignId, string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (campaign, zone) = await LoadAsync(campaignId, ct);
        if (campaign is null) return null;
        var triggers = PlanTriggers.For(campaign, zone);
        var trigger = triggers.FirstOrDefault(t => t.Key == key);
        if (trigger is null || trigger.FireAtUtc - EarlyTolerance > now || now >= trigger.UsefulUntilUtc) return null;
        return await FanOutAsync(campaign, zone, trigger, Superseded(trigger, triggers, now), now, ct);
    }

    private async Task<(Campaign? Campaign, TimeZoneInfo Zone)> LoadAsync(int campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery()
            .Include(c => c.Organisation).Include(c => c.Periods).Include(c => c.Activities).ThenInclude(a => a.ResponsibleUnits)
            .FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return (campaign, VietnamTime.Zone(campaign?.Organisation?.TimeZoneId));
    }

    /// <summary>
    /// A late reminder whose next reminder is already due too (the host was down over both) is left out: one
    /// reminder, the later and firmer one, rather than two at once.
    /// </summary>
    private static bool Superseded(PlanTrigger trigger, IReadOnlyList<PlanTrigger> all, DateTimeOffset now) =>
        trigger.Kind == PlanTriggerKind.Reminder
        && all.Any(t => t.Kind == PlanTriggerKind.Reminder && t.PeriodId == trigger.PeriodId && t.FireAtUtc > trigger.FireAtUtc && t.FireAtUtc <= now);

    private async Task<int?> FanOutAsync(Campaign campaign, TimeZoneInfo zone, PlanTrigger trigger, bool superseded,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ScheduledRuns.AnyAsync(r => r.Key == trigger.Key, ct)) return null;
        var enqueued = superseded ? 0 : trigger.Kind switch
        {
            PlanTriggerKind.Reminder => await RemindAsync(campaign, zone, trigger, now, ct),
            PlanTriggerKind.DeadlineAlert => await AlertLeadersAsync(campaign, zone, trigger, now, ct),
            PlanTriggerKind.PostDeadline => await PostAfterDeadlineAsync(campaign, trigger, now, ct),
            PlanTriggerKind.ActivityReminder => await RemindActivityAsync(campaign, trigger, now, ct),
            _ => 0,
        };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO scheduled_runs (key, campaign_id, completed_at, enqueued)
            VALUES ({trigger.Key}, {campaign.Id}, {now}, {enqueued}) ON CONFLICT (key) DO NOTHING
            """, ct);
        return enqueued;
    }

    private async Task<int> RemindAsync(Campaign campaign, TimeZoneInfo zone, PlanTrigger trigger, DateTimeOffset now, CancellationToken ct)
    {
        var period = campaign.Periods.Single(p => p.Id == trigger.PeriodId);
        var reported = await ReportedUnitIdsAsync(period.Id, ct);
        var deadlineLocal = VietnamTime.ToLocal(period.DeadlineUtc, zone);
        var targets = await ContactTargetsAsync(campaign.OrganisationId, unitIds: null, ct);
        var count = 0;
        foreach (var (contact, unit, account) in targets)
        {
            if (reported.Contains(unit.Id)) continue;
            var text = SchedulingTexts.Reminder(campaign, period, unit, deadlineLocal, period.DeadlineUtc - trigger.FireAtUtc, trigger.IsLastReminder);
            if (await Outbox.TryEnqueueAsync(db, account.Channel, account.ChatId, new OutgoingMessage { Text = text },
                    $"{trigger.Key}:c{contact.Id}", now, ct))
                count++;
        }
        return count;
    }

    private async Task<int> RemindActivityAsync(Campaign campaign, PlanTrigger trigger, DateTimeOffset now, CancellationToken ct)
    {
        var activity = campaign.Activities.Single(a => a.Id == trigger.ActivityId);
        var day = activity.FirstDate!.Value;
        var targets = await ContactTargetsAsync(campaign.OrganisationId, activity.ResponsibleUnits.Select(u => u.Id).ToList(), ct);
        var count = 0;
        foreach (var (contact, unit, account) in targets)
            if (await Outbox.TryEnqueueAsync(db, account.Channel, account.ChatId,
                    new OutgoingMessage { Text = SchedulingTexts.ActivityReminder(activity, unit, day) }, $"{trigger.Key}:c{contact.Id}", now, ct))
                count++;
        return count;
    }

    private async Task<int> AlertLeadersAsync(Campaign campaign, TimeZoneInfo zone, PlanTrigger trigger, DateTimeOffset now, CancellationToken ct)
    {
        var period = campaign.Periods.Single(p => p.Id == trigger.PeriodId);
        var reported = await ReportedUnitIdsAsync(period.Id, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.OrganisationId == campaign.OrganisationId && u.Active).ToListAsync(ct);
        var text = SchedulingTexts.MissingUnits(period, VietnamTime.ToLocal(period.DeadlineUtc, zone),
            units.Where(u => !reported.Contains(u.Id)).ToList(), units.Count);
        return await PostToLeadersAsync(campaign.OrganisationId, trigger, text, now, ct);
    }

    private Task<int> PostAfterDeadlineAsync(Campaign campaign, PlanTrigger trigger, DateTimeOffset now, CancellationToken ct) =>
        PostSummaryAsync(campaign.OrganisationId, trigger.PeriodId!.Value, trigger.Key, now, ct);

    private async Task<int> PostSummaryAsync(int organisationId, int periodId, string keyPrefix, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await LeaderAccountsAsync(organisationId, ct);
        // The summary is the same for every leader chat of the organisation: computed once per channel (its split differs).
        var perChannel = new Dictionary<Channel, IReadOnlyList<OutgoingMessage>>();
        var count = 0;
        foreach (var account in accounts)
        {
            if (!perChannel.TryGetValue(account.Channel, out var messages))
                perChannel[account.Channel] = messages =
                    await LeaderSummaries.PeriodMessagesAsync(db, account.LeaderChatId!.Value, periodId, account.Channel, now, ct);
            // Each part keyed by its index, so an interrupted post finishes without repeating the parts already queued.
            for (var i = 0; i < messages.Count; i++)
                if (await Outbox.TryEnqueueAsync(db, account.Channel, account.ChatId, messages[i], $"{keyPrefix}:a{account.Id}:{i}", now, ct))
                    count++;
        }
        return count;
    }

    private Task<List<ChatAccount>> LeaderAccountsAsync(int organisationId, CancellationToken ct) =>
        db.ChatAccounts.AsNoTracking()
            .Where(a => a.LeaderChatId != null && a.LeaderChat!.OrganisationId == organisationId && a.LeaderChat.Active && a.UnreachableSince == null)
            .OrderBy(a => a.Id).ToListAsync(ct);

    private async Task<int> PostToLeadersAsync(int organisationId, PlanTrigger trigger, string text, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await LeaderAccountsAsync(organisationId, ct);
        var count = 0;
        foreach (var account in accounts)
            if (await Outbox.TryEnqueueAsync(db, account.Channel, account.ChatId, new OutgoingMessage { Text = text }, $"{trigger.Key}:a{account.Id}", now, ct))
                count++;
        return count;
    }

    private async Task<HashSet<int>> ReportedUnitIdsAsync(int periodId, CancellationToken ct) =>
        (await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == periodId && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.NoActivity))
            .Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Active contacts of active units with one reachable chat each (the one last seen, when a contact has several);
    /// contacts without a bound chat, or whose chats are all unreachable, are skipped (admins see those).
    /// </summary>
    private async Task<List<(Contact Contact, Unit Unit, ChatAccount Account)>> ContactTargetsAsync(int organisationId,
        List<int>? unitIds, CancellationToken ct)
    {
        var query = db.ChatAccounts.AsNoTracking()
            .Where(a => a.ContactId != null && a.UnreachableSince == null && a.Contact!.Active && a.Contact.Unit!.Active
                        && a.Contact.Unit.OrganisationId == organisationId);
        if (unitIds is not null) query = query.Where(a => unitIds.Contains(a.Contact!.UnitId));
        var accounts = await query.Include(a => a.Contact).ThenInclude(c => c!.Unit).ToListAsync(ct);
        return [.. accounts
            .GroupBy(a => a.ContactId!.Value)
            .Select(g => g.OrderByDescending(a => a.LastSeenAt ?? a.CreatedAt).ThenByDescending(a => a.Id).First())
            .OrderBy(a => a.ContactId)
            .Select(a => (a.Contact!, a.Contact!.Unit!, a))];
    }
}
