namespace YouthMonth.Core.Plan;

public enum ActivityLevel
{
    /// <summary>Done by the organising level (cấp Khối / Quận).</summary>
    Organiser,
    /// <summary>Done by every grassroots unit (cấp cơ sở).</summary>
    Grassroots,
}

/// <summary>How the schedule row wrote its time; see <see cref="ActivityTimeParser"/>.</summary>
public enum ActivityTimeKind
{
    /// <summary>Could not be parsed; only <see cref="Activity.TimeText"/> is known.</summary>
    Unspecified,
    /// <summary>"01/3/2024"</summary>
    Day,
    /// <summary>"19,20-22/3/2024": a list of days.</summary>
    Days,
    /// <summary>"Trong tháng 5": the whole month.</summary>
    Month,
    /// <summary>"Trước ngày 31/5/2024".</summary>
    Before,
}

/// <summary>A row of the plan's schedule (lịch hoạt động) or one of its content-area actions.</summary>
public class Activity
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public required string Title { get; set; }
    /// <summary>The time exactly as the plan wrote it.</summary>
    public string? TimeText { get; set; }
    public ActivityTimeKind TimeKind { get; set; }
    /// <summary>All dates the activity takes place on (Day/Days), or the first and last day (Month/Before).</summary>
    public List<DateOnly> Dates { get; set; } = [];
    public TimeOnly? TimeOfDay { get; set; }
    public string? Place { get; set; }
    public ActivityLevel Level { get; set; }
    /// <summary>A code from <see cref="ActivityCategories"/>.</summary>
    public string Category { get; set; } = ActivityCategories.Other;
    /// <summary>
    /// The metrics the bot asks for this activity besides participants (always asked), e.g. a blood drive asks
    /// blood units and gifts, not trees. Empty: the metrics of its category (<see cref="Metric.Categories"/>).
    /// </summary>
    public List<string> MetricCodes { get; set; } = [];
    public int SortOrder { get; set; }
    public uint Version { get; set; }

    public List<Unit> ResponsibleUnits { get; set; } = [];

    public DateOnly? FirstDate => Dates.Count > 0 ? Dates.Min() : null;
    public DateOnly? LastDate => Dates.Count > 0 ? Dates.Max() : null;
}
