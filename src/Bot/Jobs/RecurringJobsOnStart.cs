using Hangfire;
using Microsoft.Extensions.Options;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Jobs;

/// <summary>Upserts the recurring jobs when a Bot starts: the code's definition wins over the stored one.</summary>
public sealed class RecurringJobsOnStart(IRecurringJobManager manager, JobStorage storage, IOptions<SchedulingOptions> options,
    ILogger<RecurringJobsOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var ids = RecurringJobs.Register(manager, storage, options.Value);
        logger.LogInformation("Recurring jobs registered: {Jobs}", string.Join(", ", ids));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
