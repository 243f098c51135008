namespace YouthMonth.Core.Plan;

/// <summary>
/// A chat of the organisation's leaders (BTV group). Bound to a real chat by an invite code; it may ask for
/// /summary and receives the missing-units alerts and scheduled summaries.
/// </summary>
public class LeaderChat
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
    public uint Version { get; set; }
}
