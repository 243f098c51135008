using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Reporting;

public enum ReportStatus
{
    /// <summary>Being filled in; not counted in summaries.</summary>
    Draft,
    /// <summary>Sent with activities and numbers.</summary>
    Submitted,
    /// <summary>"Tuần này đơn vị không có hoạt động": counts as sent.</summary>
    NoActivity,
}

public enum ReviewStatus { Pending, Accepted, Returned }

/// <summary>
/// The one report of a unit for a period (unique per period and unit). Several contacts of the same unit
/// edit this same report, so nothing is counted twice.
/// </summary>
public class Report
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Submitted after the period's deadline; still counted, but shown as late.</summary>
    public bool IsLate { get; set; }
    public int? SubmittedByContactId { get; set; }
    public Contact? SubmittedBy { get; set; }
    /// <summary>"Mặt được" of a final report's assessment, or a short note.</summary>
    public string? Assessment { get; set; }
    /// <summary>"Hạn chế" of a final report's assessment.</summary>
    public string? Limitations { get; set; }
    public ReviewStatus Review { get; set; }
    public string? ReviewReason { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public uint Version { get; set; }

    public List<ReportActivity> Activities { get; set; } = [];
    /// <summary>All numbers of the report: per activity (ReportActivityId set) or report-wide (final totals).</summary>
    public List<ReportMetricValue> Values { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
}
