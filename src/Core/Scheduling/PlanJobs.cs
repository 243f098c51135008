using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Scheduling;

/// <summary>Lets the host wake its outbox sender when a job has queued messages (the Bot's sender; nothing elsewhere).</summary>
public interface IOutboxWaker
{
    void Wake();
}

/// <summary>
/// The job engine's jobs around the plan. The minutely <see cref="TickAsync"/> hands every due plan trigger to
/// the engine as its own job (<see cref="SendAsync"/>, named for the dashboard), once: a row in
/// <c>scheduled_dispatches</c> claims the trigger. Hangfire runs a job at least once and restarts a killed one
/// from the beginning, so the guarantee stays the product's own: outbox dedup keys and <c>scheduled_runs</c>.
/// </summary>
public sealed class PlanJobs(YouthMonthDb db, ScheduledSends sends, IBackgroundJobClient jobs, JobStorage storage,
    TimeProvider clock, IEnumerable<IOutboxWaker> wakers, ILogger<PlanJobs> logger)
{
    /// <summary>A claim without a job id this old belongs to a tick that died between claiming and enqueueing.</summary>
    private static readonly TimeSpan OrphanedClaim = TimeSpan.FromMinutes(2);

    // No retry: the next tick, a minute later, does the same work. The lock keeps a slow tick and the next one apart.
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Kế hoạch — gửi những gì đến hạn")]
    public async Task TickAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dispatched = 0;
        foreach (var (trigger, title) in await sends.DueAsync(now, ct))
            if (await DispatchAsync(trigger, title, now, ct)) dispatched++;
        if (dispatched > 0) logger.LogInformation("Plan tick: {Count} triggers handed to the job engine", dispatched);
    }

    /// <summary>Runs one plan trigger as the plan is now (it re-derives it: a moved deadline or closed campaign means nothing to do).</summary>
    // No Hangfire retry: a failed send is handed over again by the next tick, for as long as the send is useful.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{2}")]
    public async Task SendAsync(int campaignId, string key, string title, CancellationToken ct)
    {
        var enqueued = await sends.RunAsync(campaignId, key, ct);
        if (enqueued > 0) Wake();
        logger.LogInformation("Plan trigger {Key} of campaign {Campaign}: {Result}", key, campaignId,
            enqueued is { } n ? $"{n} messages enqueued" : "nothing to do");
    }

    /// <summary>The office's "send this summary now" for one period, to the leader chats.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 30, 60])]
    [JobDisplayName("{2}")]
    public async Task SendSummaryNowAsync(int periodId, Guid requestId, string title, CancellationToken ct)
    {
        var enqueued = await sends.PostSummaryNowAsync(periodId, requestId, ct);
        if (enqueued > 0) Wake();
        logger.LogInformation("Summary of period {Period} sent on request {Request}: {Count} messages enqueued", periodId, requestId, enqueued ?? 0);
    }

    private void Wake()
    {
        foreach (var waker in wakers) waker.Wake();
    }

    /// <summary>
    /// Hands one trigger over unless it already is: claims it (insert-or-nothing), or takes over a claim whose
    /// job failed, was lost, or whose tick died before enqueueing. A job an operator deleted stays deleted.
    /// </summary>
    private async Task<bool> DispatchAsync(PlanTrigger trigger, string title, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO scheduled_dispatches (key, campaign_id, job_id, dispatched_at)
            VALUES ({trigger.Key}, {trigger.CampaignId}, NULL, {now}) ON CONFLICT (key) DO NOTHING
            """, ct) == 1;
        if (!claimed)
        {
            var row = await db.ScheduledDispatches.AsNoTracking().SingleOrDefaultAsync(d => d.Key == trigger.Key, ct);
            if (row is null || !NeedsAnotherJob(row, now)) return false;
            // Compare-and-set on what was read: of two ticks seeing the same failed job, one takes it over.
            claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE scheduled_dispatches SET job_id = NULL, dispatched_at = {now}
                WHERE key = {trigger.Key} AND job_id IS NOT DISTINCT FROM {row.JobId} AND dispatched_at = {row.DispatchedAt}
                """, ct) == 1;
            if (!claimed) return false;
            logger.LogWarning("Plan trigger {Key}: job {Job} did not finish it; handing it over again", trigger.Key, row.JobId);
        }
        var jobId = jobs.Enqueue<PlanJobs>(j => j.SendAsync(trigger.CampaignId, trigger.Key, title, CancellationToken.None));
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE scheduled_dispatches SET job_id = {jobId} WHERE key = {trigger.Key}", ct);
        return true;
    }

    private bool NeedsAnotherJob(ScheduledDispatch row, DateTimeOffset now)
    {
        if (row.JobId is null) return now - row.DispatchedAt > OrphanedClaim;
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(row.JobId)?.Name;
        // Null: the job's data expired or vanished. Failed: it threw (no Hangfire retry for sends).
        return state is null || state == Hangfire.States.FailedState.StateName;
    }
}
