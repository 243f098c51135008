namespace YouthMonth.Core.Reporting;

public enum NominationKind
{
    /// <summary>Tập thể</summary>
    Collective,
    /// <summary>Cá nhân</summary>
    Individual,
}

/// <summary>An award nomination in a final report; how many of each kind the period's <see cref="Plan.PeriodQuestions"/> say.</summary>
public class Nomination
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public NominationKind Kind { get; set; }
    /// <summary>Order among the report's nominees of the same kind (0, 1, …).</summary>
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    /// <summary>The collective's unit or the individual's position and unit, when the period asks for it.</summary>
    public string? Position { get; set; }
    /// <summary>Thành tích; empty when the period does not ask for it.</summary>
    public required string Reason { get; set; }
}
