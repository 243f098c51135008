using System.Text.Json;
using System.Text.Json.Serialization;

namespace YouthMonth.Core.Plan;

/// <summary>
/// A whole plan as one JSON document: the organisation, its units with contacts and leader chats, and one
/// campaign. The admin API imports and exports it; samples/*.json use it. Export → import into an empty
/// database → export gives the same document. Deadlines are local wall-clock times in the organisation's zone.
/// </summary>
public sealed record PlanDocument
{
    public int FormatVersion { get; init; } = 1;
    public required OrganisationDocument Organisation { get; init; }
    public List<UnitDocument> Units { get; init; } = [];
    public List<LeaderChatDocument> LeaderChats { get; init; } = [];
    public required CampaignDocument Campaign { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false), new Text.StorableStringConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // "units": null is an error naming the field, not a crash later.
        RespectNullableAnnotations = true,
    };
}

public sealed record OrganisationDocument
{
    public required string Name { get; init; }
    public string? ParentName { get; init; }
    public required string Place { get; init; }
    public string TimeZone { get; init; } = VietnamTime.DefaultTimeZoneId;
    /// <summary>Header lines, document code, signer and recipients of the compiled report; null = defaults.</summary>
    public Letterhead? Letterhead { get; init; }
}

public sealed record UnitDocument
{
    public required string Name { get; init; }
    public UnitKind Kind { get; init; } = UnitKind.DoanCoSo;
    public string? Cluster { get; init; }
    public int? MemberCount { get; init; }
    public bool Active { get; init; } = true;
    public List<ContactDocument> Contacts { get; init; } = [];
}

public sealed record ContactDocument
{
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public string? Role { get; init; }
    public bool Active { get; init; } = true;
}

public sealed record LeaderChatDocument
{
    public required string Name { get; init; }
    public bool Active { get; init; } = true;
}

public sealed record CampaignDocument
{
    public required string Name { get; init; }
    public string? Theme { get; init; }
    public string? PlanNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    /// <summary>Days before <see cref="StartDate"/> a period may be due (preparation steps).</summary>
    public int LeadDays { get; init; } = PlanRules.DefaultLeadDays;
    public CampaignStatus Status { get; init; } = CampaignStatus.Active;
    public ReminderPolicy Reminders { get; init; } = ReminderPolicy.Default;
    public List<PeriodDocument> Periods { get; init; } = [];
    public List<MetricDocument> Metrics { get; init; } = [];
    public List<TargetDocument> Targets { get; init; } = [];
    public List<ActivityDocument> Activities { get; init; } = [];
}

public sealed record PeriodDocument
{
    public PeriodKind Kind { get; init; }
    public int? Number { get; init; }
    public required string Label { get; init; }
    public DateOnly WindowStart { get; init; }
    public DateOnly WindowEnd { get; init; }
    /// <summary>Local deadline, e.g. "2024-03-08T11:00:00".</summary>
    public DateTime Deadline { get; init; }
    /// <summary>What a final period asks; null = the default for its kind (<see cref="PeriodQuestions.DefaultFor"/>).</summary>
    public PeriodQuestions? Questions { get; init; }
    /// <summary>Each activity reported needs at least one photo (not for final periods); default false.</summary>
    public bool PhotosRequired { get; init; }
}

public sealed record MetricDocument
{
    public required string Code { get; init; }
    public required string Label { get; init; }
    public required string Unit { get; init; }
    public MetricKind Kind { get; init; }
    public List<string> Categories { get; init; } = [];
    /// <summary>Words that name this metric in a typed message, besides its label and unit.</summary>
    public List<string> Aliases { get; init; } = [];
    /// <summary>The largest value one report plausibly gives; a larger one is confirmed with the person. Null = a generous default.</summary>
    public decimal? Max { get; init; }
}

public sealed record TargetDocument
{
    public int Number { get; init; }
    public required string Text { get; init; }
    public TargetRule Rule { get; init; }
    public string? MetricCode { get; init; }
    public string? Category { get; init; }
    public decimal? Goal { get; init; }
    public decimal? YearlyQuota { get; init; }
}

public sealed record ActivityDocument
{
    public required string Title { get; init; }
    /// <summary>The time as the plan wrote it ("19,20-22/3/2024", "Trong tháng 3", "Trước ngày 31/5/2024").</summary>
    public string? TimeText { get; init; }
    public ActivityTimeKind TimeKind { get; init; }
    public List<DateOnly> Dates { get; init; } = [];
    public TimeOnly? TimeOfDay { get; init; }
    public string? Place { get; init; }
    public ActivityLevel Level { get; init; }
    public string Category { get; init; } = ActivityCategories.Other;
    /// <summary>Codes of the metrics asked for it besides participants; empty = those of its category.</summary>
    public List<string> Metrics { get; init; } = [];
    /// <summary>Names of units (as in <see cref="PlanDocument.Units"/>) in charge.</summary>
    public List<string> ResponsibleUnits { get; init; } = [];
}
