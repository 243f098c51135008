using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Web;

public sealed record CampaignOption(int Id, string Name, string Organisation, CampaignStatus Status);

/// <summary>Which campaign a page shows: the one in ?campaignId=, else the active one that started last (as the bot chooses).</summary>
public static class CampaignChoice
{
    public static async Task<(IReadOnlyList<CampaignOption> All, Campaign? Chosen)> ResolveAsync(YouthMonthDb db, int? campaignId, CancellationToken ct)
    {
        var all = await db.Campaigns.AsNoTracking().Include(c => c.Organisation)
            .OrderByDescending(c => c.Status == CampaignStatus.Active).ThenByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        var chosen = all.FirstOrDefault(c => c.Id == campaignId) ?? all.FirstOrDefault();
        return ([.. all.Select(c => new CampaignOption(c.Id, c.Name, c.Organisation!.Name, c.Status))], chosen);
    }
}
