using Quartz;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Jobs;

/// <summary>
/// Follows plan edits: derives every pending plan trigger again and makes the "plan" Quartz triggers equal to
/// them — a new or moved deadline adds triggers, a moved or deleted period or a closed campaign removes them.
/// Runs on one node at a time across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanSyncJob(ScheduledSends sends, TimeProvider clock, ILogger<PlanSyncJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var scheduler = context.Scheduler;
        var now = clock.GetUtcNow();
        var wanted = (await sends.PendingAsync(now, ct)).ToDictionary(Schedule.PlanTriggerKey);
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Schedule.PlanGroup), ct);

        var removed = 0;
        foreach (var key in existing.Where(k => !wanted.ContainsKey(k)))
            if (await scheduler.UnscheduleJob(key, ct)) removed++;
        var added = 0;
        foreach (var (key, trigger) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            // Keep: when another node's sync got there first, its trigger stays as it is.
            await scheduler.ScheduleTrigger(Schedule.PlanTrigger(trigger, now), TriggerConflict.Keep, ct);
            added++;
        }
        if (added + removed > 0)
            logger.LogInformation("Plan sync: {Added} triggers added, {Removed} removed, {Total} pending", added, removed, wanted.Count);
    }
}
