namespace YouthMonth.Core.Plan;

public enum TargetRule
{
    /// <summary>Not computable: only the text is kept and summaries say "chưa tính được".</summary>
    None,
    /// <summary>Total of <see cref="Target.MetricCode"/> over all units ≥ <see cref="Target.Goal"/>.</summary>
    MetricTotal,
    /// <summary>Share of active units that reported an activity of <see cref="Target.Category"/> (any category when null) ≥ Goal %.</summary>
    UnitCoverage,
    /// <summary>Total of MetricCode as a share of <see cref="Target.YearlyQuota"/> ≥ Goal %.</summary>
    YearlyQuotaShare,
    /// <summary>Every unit's total of MetricCode ≥ Goal; progress is the share of units that reached it.</summary>
    PerUnitMinimum,
}

/// <summary>A chỉ tiêu, as written in the plan plus a rule that computes progress where possible.</summary>
public class Target
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public TargetRule Rule { get; set; }
    public string? MetricCode { get; set; }
    public string? Category { get; set; }
    public decimal? Goal { get; set; }
    public decimal? YearlyQuota { get; set; }
    public uint Version { get; set; }
}
