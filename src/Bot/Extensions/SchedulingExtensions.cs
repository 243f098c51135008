using Quartz;
using YouthMonth.Bot.Jobs;
using SchedulingOptions = YouthMonth.Bot.Jobs.SchedulingOptions;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Quartz, clustered on PostgreSQL, and the jobs derived from the plan (the schedule: src/Bot/Jobs/Schedule.cs).</summary>
    public static void AddScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScheduledSends>();

        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled) return;
        var connectionString = builder.Configuration.GetConnectionString("YouthMonth")!;

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "YouthMonth");
            q.UseDefaultThreadPool(p => p.MaxConcurrency = options.MaxConcurrency);
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                s.UseSystemTextJsonSerializer();
                s.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinIntervalSeconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinIntervalSeconds * 2);
                });
                // Quartz creates its qrtz_* tables in the product database when they are missing (never alters them).
                s.ProvisionSchema();
                s.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds));
            });
            Schedule.Declare(q, options);
        });
        // A restarting node must not replace the stored sync trigger another node has already reserved
        // (that made a slot fire twice; see docs/scheduling.md). Sends are unique in the outbox anyway.
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<PlanSyncOnStart>();
    }
}
