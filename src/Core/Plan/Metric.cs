namespace YouthMonth.Core.Plan;

public enum MetricKind { Integer, Money }

/// <summary>A number the campaign collects, e.g. "cây xanh — cây" or "trị giá quà — đồng".</summary>
public class Metric
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    /// <summary>ASCII code, stable across plans: "participants", "trees", "gift_value" …</summary>
    public required string Code { get; set; }
    public required string Label { get; set; }
    /// <summary>The counting unit shown after the number: "lượt", "phần", "đồng", "cây" …</summary>
    public required string Unit { get; set; }
    public MetricKind Kind { get; set; }
    /// <summary>Activity categories for which the bot asks this number; empty means every activity.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>
    /// Other words people use for this number in a typed message ("quà", "máu", "tham gia"); the label and the unit
    /// are matched too, so "tham gia 1200, máu 45" fills two metrics at once.
    /// </summary>
    public List<string> Aliases { get; set; } = [];
    /// <summary>
    /// The largest value one report plausibly gives (a unit's week, or its month in the final report); a larger one
    /// is not refused but confirmed with the person first. Null = <see cref="DefaultCountMax"/> or <see cref="DefaultMoneyMax"/>.
    /// </summary>
    public decimal? Max { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }

    public const decimal DefaultCountMax = 1_000_000m;
    public const decimal DefaultMoneyMax = 10_000_000_000m;
    /// <summary>The largest value of the metric accepted without a question.</summary>
    public decimal Cap => Max ?? (Kind == MetricKind.Money ? DefaultMoneyMax : DefaultCountMax);
}
