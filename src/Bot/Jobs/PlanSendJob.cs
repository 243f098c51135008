using Quartz;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Bot.Jobs;

/// <summary>Runs one plan trigger (a reminder, a leader alert or post, an activity reminder) through the outbox.</summary>
public sealed class PlanSendJob(ScheduledSends sends, OutboxSignal outbox, ILogger<PlanSendJob> logger) : IJob
{
    public const string CampaignIdKey = "campaignId";
    public const string TriggerKeyKey = "key";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        var campaignId = int.Parse(data.GetString(CampaignIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var key = data.GetString(TriggerKeyKey)!;
        var enqueued = await sends.RunAsync(campaignId, key, ct);
        if (enqueued > 0) outbox.Notify();
        logger.LogInformation("Plan trigger {Key} of campaign {Campaign}: {Result}", key, campaignId,
            enqueued is { } n ? $"{n} messages enqueued" : "nothing to do");
    }
}
