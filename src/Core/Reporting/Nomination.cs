namespace YouthMonth.Core.Reporting;

public enum NominationKind
{
    /// <summary>Tập thể</summary>
    Collective,
    /// <summary>Cá nhân</summary>
    Individual,
}

/// <summary>An award nomination in a final report: one collective and one individual per unit.</summary>
public class Nomination
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public NominationKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Reason { get; set; }
}
