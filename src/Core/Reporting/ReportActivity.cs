namespace YouthMonth.Core.Reporting;

/// <summary>One activity a unit reports: what, when, a short news text, links and photos.</summary>
public class ReportActivity
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    /// <summary>The plan activity it carries out; null for "Hoạt động khác".</summary>
    public int? ActivityId { get; set; }
    public Plan.Activity? Activity { get; set; }
    public required string Title { get; set; }
    public string Category { get; set; } = Plan.ActivityCategories.Other;
    public DateOnly? Date { get; set; }
    public string? NewsText { get; set; }
    public List<string> Links { get; set; } = [];
    public int SortOrder { get; set; }

    public List<ReportPhoto> Photos { get; set; } = [];
    /// <summary>Photos sent for the activity that could not be stored; the report went without them.</summary>
    public List<ReportPhotoFailure> PhotoFailures { get; set; } = [];
}
