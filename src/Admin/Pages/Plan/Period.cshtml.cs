using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>The form of one period (an exception to the weekly rule: another deadline, a kick-off …) over PeriodsApi's create/update.</summary>
public sealed class PeriodModel(YouthMonthDb db) : OfficePage
{
    public sealed class PeriodForm
    {
        public PeriodKind? Kind { get; set; }
        public int? Number { get; set; }
        public string? Label { get; set; }
        public DateOnly? WindowStart { get; set; }
        public DateOnly? WindowEnd { get; set; }
        public DateTime? Deadline { get; set; }
        public uint? Version { get; set; }
        public bool PhotosRequired { get; set; }
    }

    public PeriodForm Form { get; private set; } = new();
    public int? Id { get; private set; }
    public int CampaignId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (id == "moi")
        {
            if (campaignId is not { } cid || !await db.Campaigns.AnyAsync(c => c.Id == cid, ct)) return NotFound();
            CampaignId = cid;
            Form = new PeriodForm { Kind = PeriodKind.EventDay };
            return Page();
        }
        if (!int.TryParse(id, out var pid)) return NotFound();
        var period = Take<PeriodResponse>((await PeriodsApi.GetPeriod(db, pid, ct)).Result);
        if (period is null) return NotFound();
        (Id, CampaignId) = (period.Id, period.CampaignId);
        Form = new PeriodForm
        {
            Kind = period.Kind, Number = period.Number, Label = period.Label, WindowStart = period.WindowStart, WindowEnd = period.WindowEnd,
            Deadline = period.Deadline, Version = period.Version, PhotosRequired = period.PhotosRequired,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? campaignId, PeriodForm form, CancellationToken ct)
    {
        Form = form;
        if (TakeBindingErrors()) return await Reshow(id, campaignId, ct);
        if (id == "moi")
        {
            var request = new PeriodRequest(campaignId, form.Kind, form.Number, form.Label, form.WindowStart, form.WindowEnd, form.Deadline, null,
                PhotosRequired: form.PhotosRequired);
            if (Take<PeriodResponse>((await PeriodsApi.CreatePeriod(db, request, ct)).Result) is { } created)
                return RedirectWithFlash($"Đã thêm kỳ \"{created.Label}\" (hạn nộp {created.DeadlineText}).", "/Plan/Index", new { campaignId = created.CampaignId });
            return await Reshow(id, campaignId, ct);
        }
        if (!int.TryParse(id, out var pid)) return NotFound();
        // What a final period asks is not on this form; send back what is stored so saving keeps it.
        var questions = await db.Periods.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Questions).FirstOrDefaultAsync(ct);
        var update = new PeriodRequest(null, form.Kind, form.Number, form.Label, form.WindowStart, form.WindowEnd, form.Deadline, form.Version, questions,
            form.PhotosRequired);
        try
        {
            if (Take<PeriodResponse>((await PeriodsApi.UpdatePeriod(db, HttpContext, pid, update, ct)).Result) is { } saved)
                return RedirectWithFlash($"Đã lưu kỳ \"{saved.Label}\": hạn nộp {saved.DeadlineText}.", "/Plan/Index", new { campaignId = saved.CampaignId });
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflicted();
        }
        return await Reshow(id, campaignId, ct);
    }

    private async Task<IActionResult> Reshow(string id, int? campaignId, CancellationToken ct)
    {
        if (int.TryParse(id, out var pid))
        {
            Id = pid;
            CampaignId = await db.Periods.Where(p => p.Id == pid).Select(p => p.CampaignId).FirstOrDefaultAsync(ct);
        }
        else CampaignId = campaignId ?? 0;
        return Page();
    }
}
