namespace YouthMonth.Core.Reporting;

/// <summary>A reported number. Unique per (report, activity, metric) so an edit replaces, never adds.</summary>
public class ReportMetricValue
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public int? ReportActivityId { get; set; }
    public ReportActivity? ReportActivity { get; set; }
    public required string MetricCode { get; set; }
    public decimal Value { get; set; }
    /// <summary>Typed as an estimate ("khoảng 200", "hơn 50"): the number is counted, and shown with "≈".</summary>
    public bool Approximate { get; set; }
}
