using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// A compiled summary of one reporting period or of the whole campaign: who reported, totals, progress against
/// the targets and highlights. The chat answer, the JSON and the Word/Excel exports all render this one object,
/// so they always show the same numbers.
/// </summary>
public sealed record CampaignSummary
{
    public required SummaryHeader Header { get; init; }
    /// <summary>The period summarised; null for the whole campaign.</summary>
    public PeriodInfo? Period { get; init; }
    public required ReportingStatus Reporting { get; init; }
    /// <summary>Each period of the scope with its own status (one row for a period scope).</summary>
    public required IReadOnlyList<PeriodStatus> Periods { get; init; }
    /// <summary>Active units that have not reported, grouped by competition cluster (null cluster last).</summary>
    public required IReadOnlyList<MissingCluster> Missing { get; init; }
    public required IReadOnlyList<MetricTotal> Totals { get; init; }
    public required IReadOnlyList<TargetProgress> Targets { get; init; }
    public required IReadOnlyList<Highlight> Highlights { get; init; }
    /// <summary>Award proposals of the scope's reports (<see cref="ReportExtras"/>); null where only numbers are needed (chat).</summary>
    public IReadOnlyList<NominationRow>? Nominations { get; init; }
    /// <summary>The links of the scope's reported activities; null where only numbers are needed (chat).</summary>
    public IReadOnlyList<LinkRow>? Links { get; init; }
    /// <summary>
    /// For a scope with a final period: each unit's final total that differs from the sum of its weekly reports,
    /// with that sum (<see cref="UnitNumbersQuery.Differences"/>); null where not computed (chat, weekly scopes).
    /// </summary>
    public IReadOnlyList<WeeklySumDifference>? WeeklySumDifferences { get; init; }
}

/// <param name="Difference">Final − Weekly: negative when the final report says less than the weeks added up to.</param>
public sealed record WeeklySumDifference(int UnitId, string Unit, string Code, string Label, string MetricUnit, decimal Final, decimal Weekly,
    decimal Difference);

public sealed record SummaryHeader(
    int OrganisationId, string Organisation, string? ParentOrganisation, string Place,
    int CampaignId, string Campaign, string? Theme, string ScopeLabel, DateTimeOffset GeneratedAt, DateOnly GeneratedOn);

public sealed record PeriodInfo(int Id, PeriodKind Kind, int? Number, string Label, DateOnly WindowStart, DateOnly WindowEnd,
    DateTimeOffset DeadlineUtc);

/// <summary>
/// For a period: <see cref="Expected"/> is the number of active units and <see cref="Received"/> the units that
/// reported (Submitted or NoActivity). For the whole campaign both count reports over the periods whose
/// deadline has passed (units × due periods), and <see cref="UnitsReportedAtLeastOnce"/> says how many units
/// reported at all.
/// </summary>
public sealed record ReportingStatus(int Units, int Expected, int Received, decimal Percent, int OnTime, int Late,
    int NoActivity, int UnitsReportedAtLeastOnce);

public sealed record PeriodStatus(int PeriodId, string Label, DateTimeOffset DeadlineUtc, bool DeadlinePassed, int Units,
    int Received, decimal Percent, int OnTime, int Late, int NoActivity);

public sealed record MissingCluster(string? Cluster, IReadOnlyList<MissingUnit> Units);

/// <summary>A unit that has not reported; <see cref="MissedPeriods"/> counts due periods it missed (campaign scope).</summary>
public sealed record MissingUnit(int UnitId, string Name, int MissedPeriods);

/// <param name="Approximate">Some number counted in <paramref name="Value"/> was typed as an estimate ("khoảng 200"): shown with "≈".</param>
public sealed record MetricTotal(string Code, string Label, string Unit, MetricKind Kind, decimal Value, bool Approximate = false);

/// <summary>
/// Progress of one chỉ tiêu. <see cref="Achieved"/> is what was measured in the rule's own terms (a total for
/// MetricTotal; a percentage for the share rules), <see cref="Goal"/> the target in the same terms and
/// <see cref="Percent"/> the progress towards it (Achieved / Goal × 100). All three are null and
/// <see cref="Computable"/> false when the rule cannot be computed; <see cref="Note"/> then says why.
/// </summary>
public sealed record TargetProgress(int Number, string Text, TargetRule Rule, bool Computable, decimal? Achieved,
    decimal? Goal, decimal? Percent, string? Unit, string Detail, string? Note);

/// <summary>A reported activity with many participants, with its first photo when it has one.</summary>
public sealed record Highlight(int ReportActivityId, int UnitId, string UnitName, string Title, DateOnly? Date,
    decimal Participants, string? NewsText, int? PhotoId, string? PhotoPath);
