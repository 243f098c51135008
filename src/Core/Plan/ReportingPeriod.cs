namespace YouthMonth.Core.Plan;

public enum PeriodKind
{
    /// <summary>Báo cáo tuần: numbers, news, photos for one week.</summary>
    Weekly,
    /// <summary>Báo cáo lễ ra quân (kick-off).</summary>
    KickOff,
    /// <summary>A one-day event (e.g. Ngày Đoàn viên) reported right after it.</summary>
    EventDay,
    /// <summary>Báo cáo tổng kết: totals, and per the period's <see cref="PeriodQuestions"/> an assessment and award nominations.</summary>
    Final,
}

/// <summary>A reporting period: its own window (local dates) and its own deadline (stored in UTC).</summary>
public class ReportingPeriod
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public PeriodKind Kind { get; set; }
    /// <summary>Week number for weekly periods (1, 2, …); null for others.</summary>
    public int? Number { get; set; }
    public required string Label { get; set; }
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public DateTimeOffset DeadlineUtc { get; set; }
    /// <summary>What a final period asks (assessment, nominations, which numbers); null = <see cref="PeriodQuestions.DefaultFor"/>.</summary>
    public PeriodQuestions? Questions { get; set; }
    /// <summary>
    /// Each reported activity needs at least one photo (weekly, kick-off, event day; a final report asks none). A photo
    /// that could not be downloaded still never blocks: the report records it (<see cref="Reporting.ReportPhotoFailure"/>).
    /// </summary>
    public bool PhotosRequired { get; set; }
    public uint Version { get; set; }
}
