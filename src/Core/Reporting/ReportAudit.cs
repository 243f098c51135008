namespace YouthMonth.Core.Reporting;

/// <summary>Who changed a report, when, and what (a short Vietnamese description plus a JSON snapshot).</summary>
public class ReportAudit
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ContactId { get; set; }
    /// <summary>"admin:&lt;key name&gt;" when the change came through the admin API.</summary>
    public string? Actor { get; set; }
    public required string Action { get; set; }
    public string? Snapshot { get; set; }
}
