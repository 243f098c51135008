using Quartz;

namespace YouthMonth.Bot.Jobs;

/// <summary>Runs the plan sync once when this node starts, so plan edits made while every node was down are followed at once.</summary>
public sealed class PlanSyncOnStart(ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken ct) =>
        await (await schedulers.GetScheduler(ct)).TriggerJob(Schedule.PlanSync, ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
