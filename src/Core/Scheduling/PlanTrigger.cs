namespace YouthMonth.Core.Scheduling;

public enum PlanTriggerKind
{
    /// <summary>Nudge contacts of units that have not reported, at one of the policy's offsets.</summary>
    Reminder,
    /// <summary>At the deadline: the missing units, by cluster, to the leader chats.</summary>
    DeadlineAlert,
    /// <summary>A while after the deadline: the period's status (later its summary) to the leader chats.</summary>
    PostDeadline,
    /// <summary>The day before a dated activity: its responsible units.</summary>
    ActivityReminder,
}

/// <summary>
/// One moment at which the bot speaks on its own, derived from the plan. <see cref="Key"/> names what and for
/// which plan state (a reminder's key holds the deadline it reminds of), so a moved deadline gives new keys and
/// the old ones simply stop existing. The key prefixes every outbox dedup key of the fan-out.
/// </summary>
public sealed record PlanTrigger(
    string Key,
    PlanTriggerKind Kind,
    int CampaignId,
    DateTimeOffset FireAtUtc,
    /// <summary>Past this moment the send is no longer useful (a reminder after the deadline): a late firing does nothing.</summary>
    DateTimeOffset UsefulUntilUtc,
    int? PeriodId = null,
    int? ActivityId = null,
    string? Offset = null,
    /// <summary>The last reminder before the deadline: firmer wording.</summary>
    bool IsLastReminder = false)
{
    public bool IsDue(DateTimeOffset now) => FireAtUtc <= now && now < UsefulUntilUtc;
}
