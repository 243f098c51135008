namespace YouthMonth.Core.Plan;

/// <summary>
/// When contacts of units that have not reported are nudged before a deadline.
/// Offsets are written as "-1d@16:00" (the day before at 16:00), "0d@08:00" (the deadline's day at 08:00)
/// or "-30m" (30 minutes before); see <see cref="ReminderOffset"/>.
/// </summary>
public class ReminderPolicy
{
    public List<string> Offsets { get; set; } = [];
    /// <summary>At the deadline, post the list of missing units to the leader chats.</summary>
    public bool NotifyLeadersAtDeadline { get; set; } = true;
    /// <summary>After the deadline, post the period's compiled summary to the leader chats.</summary>
    public bool PostSummaryAfterDeadline { get; set; } = true;
    /// <summary>The day before a dated activity, remind its responsible units.</summary>
    public bool RemindActivitiesDayBefore { get; set; } = true;

    public static ReminderPolicy Default => new() { Offsets = ["-1d@16:00", "0d@08:00", "-30m"] };
}
