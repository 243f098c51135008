using System.ComponentModel.DataAnnotations;

namespace YouthMonth.Core.Scheduling;

/// <summary>Configuration section "Scheduling": the job engine (Hangfire on PostgreSQL) and the plan tick (see docs/scheduling.md).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off: this Bot runs no Hangfire server (tests that do not need it; a Bot instance that should only chat).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When the plan tick runs (Hangfire cron, in Asia/Ho_Chi_Minh). Every minute in production; tests use a
    /// six-field cron with seconds ("*/2 * * * * *") to run in seconds.
    /// </summary>
    [Required] public string TickCron { get; set; } = "* * * * *";

    /// <summary>How often a server looks for recurring and delayed jobs that are due (Hangfire's SchedulePollingInterval).</summary>
    [Range(1, 60)] public int SchedulePollingSeconds { get; set; } = 5;

    /// <summary>
    /// How often a worker polls the queue when no notification came (Hangfire.PostgreSql's QueuePollInterval; with
    /// long polling on, a job enqueued anywhere wakes the workers at once, so this is only the fallback).
    /// </summary>
    [Range(1, 60)] public int QueuePollSeconds { get; set; } = 15;

    /// <summary>
    /// A job whose server stopped sending heartbeats (killed) is handed to another server after this long
    /// (sliding invisibility timeout). Live servers keep their jobs however long they run.
    /// </summary>
    [Range(10, 3600)] public int InvisibilityTimeoutSeconds { get; set; } = 90;

    /// <summary>A Hangfire lock row older than this is taken to belong to a dead server and is removed.</summary>
    [Range(10, 3600)] public int DistributedLockTimeoutSeconds { get; set; } = 60;

    /// <summary>Workers per Bot process (jobs running at once).</summary>
    [Range(1, 64)] public int WorkerCount { get; set; } = 4;

    /// <summary>A server that has not sent a heartbeat for this long is removed from the dashboard's server list.</summary>
    [Range(10, 3600)] public int ServerTimeoutSeconds { get; set; } = 60;
}
