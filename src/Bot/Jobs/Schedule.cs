using Quartz;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Jobs;

/// <summary>
/// The whole schedule, in one place.
///
/// Fixed jobs (declared here, stored in PostgreSQL, shared by the cluster):
/// <list type="table">
///   <item><term><see cref="PlanSyncJob"/> (scheduling.plan-sync)</term>
///     <description>every <see cref="SchedulingOptions.PlanSyncIntervalSeconds"/> s and once when a node starts: reads
///     every active campaign's plan and keeps one Quartz trigger per pending plan trigger (group "plan").</description></item>
///   <item><term><see cref="PlanSendJob"/> (scheduling.plan-send)</term>
///     <description>durable, no trigger of its own: the "plan" triggers fire it with the campaign id and the plan trigger key.</description></item>
/// </list>
///
/// Plan triggers (derived by <see cref="PlanTriggers"/> from each active campaign, all in the organisation's zone):
/// <list type="bullet">
///   <item>remind:{period}:{deadline}:{offset} — at each reminder offset before a deadline, to contacts of units that have not reported;</item>
///   <item>deadline:{period}:{deadline} — at the deadline, the missing units by cluster to the leader chats;</item>
///   <item>after:{period}:{deadline} — <see cref="PlanTriggers.PostDelay"/> after the deadline, the post to the leader chats;</item>
///   <item>activity:{activity}:{date} — at <see cref="PlanTriggers.ActivityReminderTime"/> the day before a dated activity, to its responsible units.</item>
/// </list>
/// </summary>
public static class Schedule
{
    public const string Group = "scheduling";
    /// <summary>Quartz trigger group of the triggers derived from plans.</summary>
    public const string PlanGroup = "plan";

    public static readonly JobKey PlanSync = new("plan-sync", Group);
    public static readonly JobKey PlanSend = new("plan-send", Group);

    public static void Declare(IQuartzBuilder q, SchedulingOptions options)
    {
        q.AddJob<PlanSyncJob>(j => j.WithIdentity(PlanSync).StoreDurably().WithDescription("Keeps the plan triggers equal to the plans"));
        // A missed sync slot is simply skipped: the next one does the same work.
        q.AddTrigger<PlanSyncJob>(t => t.ForJob(PlanSync).WithIdentity("plan-sync-every", Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.PlanSyncIntervalSeconds)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

        // RequestRecovery: a node killed mid fan-out has its firing re-run by another node (dedup keys skip what was sent).
        q.AddJob<PlanSendJob>(j => j.WithIdentity(PlanSend).StoreDurably().RequestRecovery().WithDescription("Sends what one plan trigger says"));
    }

    /// <summary>The Quartz trigger for one plan trigger; fires once, and at once when late (the job decides whether it is still useful).</summary>
    public static ITrigger PlanTrigger(PlanTrigger trigger, DateTimeOffset now) =>
        TriggerBuilder.Create()
            .WithIdentity(PlanTriggerKey(trigger))
            .ForJob(PlanSend)
            .UsingJobData(PlanSendJob.CampaignIdKey, trigger.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(PlanSendJob.TriggerKeyKey, trigger.Key)
            .StartAt(trigger.FireAtUtc > now ? trigger.FireAtUtc : now)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    public static TriggerKey PlanTriggerKey(PlanTrigger trigger) => new($"c{trigger.CampaignId}:{trigger.Key}", PlanGroup);
}
