namespace YouthMonth.Core.Plan;

public enum CampaignStatus { Draft, Active, Closed }

/// <summary>One campaign month (Tháng Thanh niên …) with its plan: periods, metrics, targets, activities.</summary>
public class Campaign
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    /// <summary>Chủ đề: the quoted slogan.</summary>
    public string? Theme { get; set; }
    /// <summary>Số hiệu kế hoạch, e.g. "123-KH/ĐTN".</summary>
    public string? PlanNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>
    /// Days before <see cref="StartDate"/> a period may be due: preparation steps such as Tân Phú's "send your plan
    /// by 17:00 24/02" for a month starting 26/02.
    /// </summary>
    public int LeadDays { get; set; } = PlanRules.DefaultLeadDays;
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    public ReminderPolicy Reminders { get; set; } = ReminderPolicy.Default;
    public uint Version { get; set; }

    public List<ReportingPeriod> Periods { get; set; } = [];
    public List<Metric> Metrics { get; set; } = [];
    public List<Target> Targets { get; set; } = [];
    public List<Activity> Activities { get; set; } = [];
}
