using System.Globalization;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Scheduling;

/// <summary>
/// Derives every moment the bot speaks on its own from a campaign's plan (pure: no database, no clock).
/// Only an <see cref="CampaignStatus.Active"/> campaign has triggers; a closed one has none, so closing it
/// stops everything.
/// </summary>
public static class PlanTriggers
{
    /// <summary>The post to leader chats comes this long after the deadline, so that last-minute reports count.</summary>
    public static readonly TimeSpan PostDelay = TimeSpan.FromHours(1);
    /// <summary>A missing-units alert that could not go out at the deadline is still worth sending this long after.</summary>
    public static readonly TimeSpan AlertUsefulFor = TimeSpan.FromHours(6);
    /// <summary>A post-deadline post is still worth sending this long after its time.</summary>
    public static readonly TimeSpan PostUsefulFor = TimeSpan.FromDays(2);
    /// <summary>Local time of the day-before reminder of an activity.</summary>
    public static readonly TimeOnly ActivityReminderTime = new(16, 0);

    public static IReadOnlyList<PlanTrigger> For(Campaign campaign, TimeZoneInfo zone)
    {
        var triggers = new List<PlanTrigger>();
        if (campaign.Status != CampaignStatus.Active) return triggers;
        var policy = campaign.Reminders;
        var offsets = policy.Offsets
            .Select(text => ReminderOffset.TryParse(text, out var o) ? o : (ReminderOffset?)null)
            .OfType<ReminderOffset>().Distinct().ToList();

        foreach (var period in campaign.Periods)
        {
            var stamp = Stamp(period.DeadlineUtc);
            var deadlineLocal = VietnamTime.ToLocal(period.DeadlineUtc, zone);
            var reminders = offsets
                .Select(o => (Offset: o, At: VietnamTime.ToUtc(o.ReminderLocalTime(deadlineLocal), zone)))
                .Where(r => r.At < period.DeadlineUtc)
                .OrderBy(r => r.At).ToList();
            for (var i = 0; i < reminders.Count; i++)
            {
                var (offset, at) = reminders[i];
                triggers.Add(new PlanTrigger($"remind:{period.Id}:{stamp}:{offset}", PlanTriggerKind.Reminder, campaign.Id,
                    at, period.DeadlineUtc, PeriodId: period.Id, Offset: offset.ToString(), IsLastReminder: i == reminders.Count - 1));
            }
            if (policy.NotifyLeadersAtDeadline)
                triggers.Add(new PlanTrigger($"deadline:{period.Id}:{stamp}", PlanTriggerKind.DeadlineAlert, campaign.Id,
                    period.DeadlineUtc, period.DeadlineUtc + AlertUsefulFor, PeriodId: period.Id));
            if (policy.PostSummaryAfterDeadline)
                triggers.Add(new PlanTrigger($"after:{period.Id}:{stamp}", PlanTriggerKind.PostDeadline, campaign.Id,
                    period.DeadlineUtc + PostDelay, period.DeadlineUtc + PostDelay + PostUsefulFor, PeriodId: period.Id));
        }

        if (policy.RemindActivitiesDayBefore)
            foreach (var activity in campaign.Activities)
            {
                if (activity.TimeKind is not (ActivityTimeKind.Day or ActivityTimeKind.Days)) continue;
                if (activity.ResponsibleUnits.Count == 0 || activity.FirstDate is not { } day) continue;
                var at = VietnamTime.ToUtc(day.AddDays(-1), ActivityReminderTime, zone);
                var starts = VietnamTime.ToUtc(day, activity.TimeOfDay ?? TimeOnly.MinValue, zone);
                if (at >= starts) continue;
                triggers.Add(new PlanTrigger($"activity:{activity.Id}:{day:yyyyMMdd}", PlanTriggerKind.ActivityReminder, campaign.Id,
                    at, starts, ActivityId: activity.Id));
            }

        return [.. triggers.OrderBy(t => t.FireAtUtc).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    private static string Stamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
