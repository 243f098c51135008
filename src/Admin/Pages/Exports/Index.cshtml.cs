using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Exports;

/// <summary>Xuất báo cáo: the .docx, .xlsx and .csv of ExportsApi, for a period or the whole campaign, downloaded with the office cookie.</summary>
public sealed class IndexModel(YouthMonthDb db, TimeProvider clock, IConfiguration config) : OfficePage
{
    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];
    public Campaign? Campaign { get; private set; }
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];

    public async Task OnGetAsync(int? campaignId, CancellationToken ct)
    {
        (Campaigns, Campaign) = await CampaignChoice.ResolveAsync(db, campaignId, ct);
        if (Campaign is null) return;
        Periods = await db.Periods.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetFileAsync(string format, int? campaignId, int? periodId, CancellationToken ct)
    {
        var result = format switch
        {
            "docx" => (await ExportsApi.ExportDocx(db, clock, config, campaignId, periodId, date: null, ct)).Result,
            "xlsx" => (await ExportsApi.ExportXlsx(db, clock, campaignId, periodId, ct)).Result,
            "csv" => (await ExportsApi.ExportCsv(db, clock, campaignId, periodId, ct)).Result,
            _ => null,
        };
        if (result is FileContentHttpResult file) return File(file.FileContents.ToArray(), file.ContentType ?? "application/octet-stream", file.FileDownloadName);
        if (result is not null) Take<object>(result);
        await OnGetAsync(campaignId, ct);
        Problem ??= "Không xuất được tệp này.";
        return Page();
    }
}
