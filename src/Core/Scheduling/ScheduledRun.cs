namespace YouthMonth.Core.Scheduling;

/// <summary>
/// A plan trigger whose fan-out finished (every message is in the outbox). The scheduler never runs a completed
/// trigger again; one that was interrupted has no row, so it runs again and its dedup keys skip what was sent.
/// </summary>
public class ScheduledRun
{
    public required string Key { get; set; }
    public int CampaignId { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    /// <summary>Messages this run put in the outbox (0 when everyone had reported, or all were there already).</summary>
    public int Enqueued { get; set; }
}

/// <summary>
/// A plan trigger the minutely tick handed to the job engine (Hangfire): claimed once, so two ticks enqueue one job;
/// <see cref="JobId"/> is the job doing it (null for an instant between the claim and the enqueue).
/// </summary>
public class ScheduledDispatch
{
    public required string Key { get; set; }
    public int CampaignId { get; set; }
    public string? JobId { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
}
