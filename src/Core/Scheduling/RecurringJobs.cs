using Hangfire;
using Hangfire.Storage;

namespace YouthMonth.Core.Scheduling;

/// <summary>
/// Every recurring job of the product, in one place. <see cref="Register"/> runs when a Bot starts: each job is
/// upserted (the code's definition wins over what the database holds) and a recurring job no longer listed here
/// is removed. Crons are local time in Asia/Ho_Chi_Minh.
///
/// <list type="table">
///   <item><term>plan-tick</term><description><see cref="PlanJobs.TickAsync"/>, every minute
///   (<see cref="SchedulingOptions.TickCron"/>): hands each due plan trigger (reminder, missing-units alert, post
///   after the deadline, activity reminder) to the engine as a named <see cref="PlanJobs.SendAsync"/> job.</description></item>
/// </list>
/// </summary>
public static class RecurringJobs
{
    public const string PlanTick = "plan-tick";

    public static IReadOnlyList<string> Register(IRecurringJobManager manager, JobStorage storage, SchedulingOptions options)
    {
        var local = new RecurringJobOptions { TimeZone = VietnamTime.Zone() };
        manager.AddOrUpdate<PlanJobs>(PlanTick, j => j.TickAsync(CancellationToken.None), options.TickCron, local);

        string[] declared = [PlanTick];
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !declared.Contains(id)))
            manager.RemoveIfExists(stale);
        return declared;
    }
}
