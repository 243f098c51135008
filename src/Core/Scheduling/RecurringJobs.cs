using Hangfire;
using Hangfire.Storage;
using YouthMonth.Core.Messaging;

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
///   <item><term>messaging-purge</term><description><see cref="MessagePurge.ExecuteAsync"/>, daily at 03:30
///   (<see cref="PurgeCron"/>): deletes handled inbox/outbox rows older than Messaging:PurgeAfterDays.</description></item>
/// </list>
/// </summary>
public static class RecurringJobs
{
    public const string PlanTick = "plan-tick";
    public const string MessagingPurge = "messaging-purge";
    /// <summary>A quiet hour: no deadline or reminder falls then, and the purge's deletes compete with nothing.</summary>
    public const string PurgeCron = "30 3 * * *";

    public static IReadOnlyList<string> Register(IRecurringJobManager manager, JobStorage storage, SchedulingOptions options)
    {
        var local = new RecurringJobOptions { TimeZone = VietnamTime.Zone() };
        manager.AddOrUpdate<PlanJobs>(PlanTick, j => j.TickAsync(CancellationToken.None), options.TickCron, local);

        manager.AddOrUpdate<MessagePurge>(MessagingPurge, j => j.ExecuteAsync(CancellationToken.None), PurgeCron, local);

        string[] declared = [PlanTick, MessagingPurge];
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !declared.Contains(id)))
            manager.RemoveIfExists(stale);
        return declared;
    }
}
