using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>
/// One schedule row over ActivitiesApi's create/update/delete. The time is typed as the plan writes it
/// ("19,20-22/3", "Trong tháng 3") and the handler parses the dates, as it does for an imported plan.
/// </summary>
public sealed class ActivityModel(YouthMonthDb db) : OfficePage
{
    public sealed class ActivityForm
    {
        public string? Title { get; set; }
        public string? TimeText { get; set; }
        public string? Place { get; set; }
        public ActivityLevel? Level { get; set; }
        public string? Category { get; set; }
        public List<string> Metrics { get; set; } = [];
        public List<int> ResponsibleUnitIds { get; set; } = [];
        public uint? Version { get; set; }
    }

    public ActivityForm Form { get; private set; } = new();
    public int? Id { get; private set; }
    public int CampaignId { get; private set; }
    /// <summary>The dates the handler read from the time text, shown so a misread is seen.</summary>
    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];
    public IReadOnlyList<MetricResponse> CampaignMetrics { get; private set; } = [];
    public IReadOnlyList<UnitResponse> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (id == "moi")
        {
            if (!await LoadAsync(campaignId, ct)) return NotFound();
            Form = new ActivityForm { Level = ActivityLevel.Grassroots, Category = ActivityCategories.Other };
            return Page();
        }
        if (!int.TryParse(id, out var aid) || Take<ActivityResponse>((await ActivitiesApi.GetActivity(db, aid, ct)).Result) is not { } a)
            return NotFound();
        Id = aid;
        await LoadAsync(a.CampaignId, ct);
        Dates = a.Dates;
        Form = new ActivityForm
        {
            Title = a.Title, TimeText = a.TimeText, Place = a.Place, Level = a.Level, Category = a.Category, Metrics = a.Metrics,
            ResponsibleUnitIds = [.. a.ResponsibleUnits.Select(u => u.Id)], Version = a.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? campaignId, ActivityForm form, CancellationToken ct)
    {
        Form = form;
        int? aid = int.TryParse(id, out var parsed) ? parsed : null;
        if (aid is null && id != "moi") return NotFound();
        var owner = aid is { } existing ? await db.Activities.Where(a => a.Id == existing).Select(a => (int?)a.CampaignId).FirstOrDefaultAsync(ct) : campaignId;
        if (!await LoadAsync(owner, ct)) return NotFound();
        Id = aid;
        if (TakeBindingErrors()) return Page();
        // A new or changed time text is sent alone, so the handler parses the dates from it as for an imported plan;
        // an unchanged one keeps the stored dates (set through the API, they may say more than the text).
        var stored = aid is { } storedId ? await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == storedId, ct) : null;
        var keep = stored is not null && string.Equals(Core.Text.VietnameseText.Clean(form.TimeText) ?? "", stored.TimeText ?? "", StringComparison.Ordinal);
        var request = new ActivityRequest(aid is null ? CampaignId : null, form.Title, form.TimeText, keep ? stored!.TimeKind : null,
            keep ? [.. stored!.Dates] : null, keep ? stored!.TimeOfDay : null, form.Place, form.Level,
            form.Category, form.Metrics, form.ResponsibleUnitIds, null, null, form.Version);
        var result = await SaveAsync(async () => aid is { } existingId
            ? (await ActivitiesApi.UpdateActivity(db, HttpContext, existingId, request, ct)).Result
            : (await ActivitiesApi.CreateActivity(db, request, ct)).Result);
        if (result is not null && Take<ActivityResponse>(result) is { } saved)
            return RedirectWithFlash($"Đã lưu hoạt động \"{saved.Title}\"{DatesText(saved.Dates)}.", "/Plan/Index", new { campaignId = saved.CampaignId },
                "hoat-dong");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        if (!int.TryParse(id, out var aid) || await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct) is not { } a) return NotFound();
        if (await SaveAsync(async () => (await ActivitiesApi.DeleteActivity(db, aid, ct)).Result) is { } result && Succeeded(result))
            return RedirectWithFlash($"Đã xóa hoạt động \"{a.Title}\".", "/Plan/Index", new { campaignId = a.CampaignId }, "hoat-dong");
        return await OnGetAsync(id, a.CampaignId, ct) is NotFoundResult ? NotFound() : Page();
    }

    private async Task<bool> LoadAsync(int? campaignId, CancellationToken ct)
    {
        if (campaignId is not { } cid || await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) is not { } campaign) return false;
        CampaignId = cid;
        CampaignMetrics = [.. Items<MetricResponse>((await MetricsApi.ListMetrics(db, cid, 1, Paging.MaxPageSize, ct)).Result)
            .Where(m => m.Code != MetricCatalog.Participants)];
        Units = Items<UnitResponse>((await UnitsApi.ListUnits(db, campaign.OrganisationId, null, null, null, null, 1, Paging.MaxPageSize, ct)).Result);
        return true;
    }

    private static string DatesText(List<DateOnly> dates) =>
        dates.Count == 0 ? "" : $" (ngày {string.Join(", ", dates.Take(6).Select(d => d.ToString("dd/MM")))}{(dates.Count > 6 ? ", …" : "")})";

    public static string LevelName(ActivityLevel level) => level == ActivityLevel.Organiser ? "Cấp tổ chức (Khối, Quận)" : "Mọi cơ sở";
}
