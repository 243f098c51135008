using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>The campaign's form over CampaignsApi's update (reminder settings and lead days are kept as stored).</summary>
public sealed class CampaignModel(YouthMonthDb db) : OfficePage
{
    public sealed class CampaignForm
    {
        public string? Name { get; set; }
        public string? Theme { get; set; }
        public string? PlanNumber { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public CampaignStatus? Status { get; set; }
        public uint? Version { get; set; }
    }

    public CampaignForm Form { get; private set; } = new();
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = Take<CampaignResponse>((await CampaignsApi.GetCampaign(db, id, ct)).Result);
        if (c is null) return NotFound();
        Id = id;
        Form = new CampaignForm
        {
            Name = c.Name, Theme = c.Theme, PlanNumber = c.PlanNumber, IssuedOn = c.IssuedOn, StartDate = c.StartDate, EndDate = c.EndDate,
            Status = c.Status, Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CampaignForm form, CancellationToken ct)
    {
        (Id, Form) = (id, form);
        if (TakeBindingErrors()) return Page();
        var stored = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (stored is null) return NotFound();
        var request = new CampaignRequest(null, form.Name, form.Theme, form.PlanNumber, form.IssuedOn, form.StartDate, form.EndDate, form.Status,
            null, null, form.Version, stored.LeadDays);
        try
        {
            if (Take<CampaignResponse>((await CampaignsApi.UpdateCampaign(db, HttpContext, id, request, ct)).Result) is { } saved)
                return RedirectWithFlash($"Đã lưu đợt \"{saved.Name}\".", "/Plan/Index", new { campaignId = id });
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflicted();
        }
        return Page();
    }
}
