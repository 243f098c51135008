using Hangfire;
using YouthMonth.Bot.Jobs;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Extensions;

public static class SchedulingExtensions
{
    /// <summary>
    /// The Hangfire server on the product's PostgreSQL (schema "hangfire") and the recurring jobs
    /// (all declared in Core/Scheduling/RecurringJobs.cs). Several Bots may run it on one database.
    /// </summary>
    public static void AddScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScheduledSends>();
        services.AddScoped<PlanJobs>();
        services.AddSingleton<IOutboxWaker, OutboxSignalWaker>();

        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled) return;
        var connectionString = builder.Configuration.GetConnectionString("YouthMonth")!;

        // The storage is this host's own singleton, not Hangfire's static JobStorage.Current, so that several hosts
        // in one process (tests) each keep theirs.
        services.AddSingleton(_ => JobStorageSetup.Create(connectionString, options));
        services.AddHangfire((sp, c) => JobStorageSetup.Configure(c, sp.GetRequiredService<JobStorage>()));
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = $"bot:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
            o.WorkerCount = options.WorkerCount;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
            o.ServerTimeout = TimeSpan.FromSeconds(options.ServerTimeoutSeconds);
            o.ServerCheckInterval = TimeSpan.FromSeconds(Math.Max(5, options.ServerTimeoutSeconds / 4));
            o.HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(2, options.ServerTimeoutSeconds / 6));
        });
        services.AddHostedService<RecurringJobsOnStart>();
    }
}
