using System.ComponentModel.DataAnnotations;

namespace YouthMonth.Bot.Jobs;

/// <summary>Configuration section "Scheduling": the clustered Quartz scheduler (see docs/scheduling.md).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off: no scheduler in this host (tests that do not need it; a Bot instance that should only chat).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the plan is read again and the plan triggers brought up to date (it also runs at start).</summary>
    [Range(1, 3600)] public int PlanSyncIntervalSeconds { get; set; } = 60;
    /// <summary>How often each node tells the cluster it is alive; a node silent for longer (plus a margin) is taken over.</summary>
    [Range(1, 600)] public int ClusterCheckinIntervalSeconds { get; set; } = 10;
    /// <summary>A trigger later than this is "misfired" and handled by its misfire instruction (plan triggers: fire once now).</summary>
    [Range(1, 3600)] public int MisfireThresholdSeconds { get; set; } = 60;
    /// <summary>Threads running jobs in this node.</summary>
    [Range(1, 64)] public int MaxConcurrency { get; set; } = 4;
}
