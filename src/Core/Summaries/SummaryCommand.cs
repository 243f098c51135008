using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// /summary and /tonghop (also /summary@botname in groups): the compiled summary for a registered leader chat,
/// for the current period, "tuần 3"/"week 3" or "toàn đợt"/"all". Any other chat gets a polite refusal and no numbers.
/// </summary>
public sealed class SummaryCommand : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["summary", "tonghop"];

    public async Task HandleAsync(Conversation conversation, string? arguments, CancellationToken ct)
    {
        var db = conversation.Db;
        if (await LeaderSummaries.AuthorisedLeaderChatAsync(db, conversation.Chat, ct) is not { } leaders)
        {
            conversation.Reply(LeaderSummaries.Refusal);
            return;
        }
        if (!SummaryScope.TryParse(arguments, out var scope, out var error))
        {
            conversation.Reply(error);
            return;
        }
        var campaign = await SummaryScope.CampaignForAsync(db, leaders.OrganisationId, ct);
        if (campaign is null)
        {
            conversation.Reply(SummaryTexts.NoCampaign);
            return;
        }

        int? periodId = null;
        if (scope.Kind != SummaryScopeKind.WholeCampaign)
        {
            var periods = await db.Periods.AsNoTracking().Where(p => p.CampaignId == campaign.Id).ToListAsync(ct);
            var now = conversation.Now;
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now, VietnamTime.Zone(campaign.Organisation!.TimeZoneId)));
            var period = scope.Resolve(periods, today, now, out var missing);
            if (period is null)
            {
                conversation.Reply(missing!);
                return;
            }
            periodId = period.Id;
        }

        // A turn writes no report before /summary, so the totals may be read on a second connection meanwhile.
        var summary = await SummaryQuery.ComputeAsync(db, campaign.Id, periodId, conversation.Now, ct, parallelInTransaction: true);
        foreach (var message in SummaryText.Messages(summary!, SummaryText.LimitFor(conversation.Chat.Channel)))
            conversation.Reply(message);
    }
}
