using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Admin.Pages.Review;

/// <summary>Duyệt báo cáo: sent reports of the chosen campaign, waiting ones first by default, through ReportsApi's list.</summary>
public sealed class QueueModel(YouthMonthDb db) : OfficePage
{
    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];
    public Campaign? Campaign { get; private set; }
    public IReadOnlyList<ReportDetails> Reports { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>"cho" (waiting, the default), "tra-lai", "chap-nhan" or "tat-ca".</summary>
    public string Show { get; private set; } = "cho";
    public int PageNumber { get; private set; } = 1;
    public const int PageSize = 50;

    public async Task OnGetAsync(int? campaignId, string? show, int? p, CancellationToken ct)
    {
        (Campaigns, Campaign) = await CampaignChoice.ResolveAsync(db, campaignId, ct);
        if (Campaign is null) return;
        Show = show is "tra-lai" or "chap-nhan" or "tat-ca" ? show : "cho";
        ReviewStatus? review = Show switch
        {
            "tra-lai" => ReviewStatus.Returned,
            "chap-nhan" => ReviewStatus.Accepted,
            "tat-ca" => null,
            _ => ReviewStatus.Pending,
        };
        PageNumber = Math.Max(1, p ?? 1);
        var page = Take<Page<ReportDetails>>((await ReportsApi.ListReports(db, Campaign.Id, null, null, null, null, review, null,
            PageNumber, PageSize, ct)).Result);
        Reports = page?.Items ?? [];
        Total = page?.Total ?? 0;
    }
}
