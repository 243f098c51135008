using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>A number the bot asks for, over MetricsApi's create/update/delete (the code is fixed once made: targets and reports use it).</summary>
public sealed class MetricModel(YouthMonthDb db) : OfficePage
{
    public sealed class MetricForm
    {
        public string? Code { get; set; }
        public string? Label { get; set; }
        public string? Unit { get; set; }
        public MetricKind? Kind { get; set; }
        public List<string> Categories { get; set; } = [];
        /// <summary>Comma- or line-separated, as people type a list.</summary>
        public string? Aliases { get; set; }
        /// <summary>Empty = the default cap.</summary>
        public decimal? Max { get; set; }
        public uint? Version { get; set; }
    }

    public MetricForm Form { get; private set; } = new();
    public int? Id { get; private set; }
    public int CampaignId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (id == "moi")
        {
            if (campaignId is not { } cid || !await db.Campaigns.AnyAsync(c => c.Id == cid, ct)) return NotFound();
            CampaignId = cid;
            Form = new MetricForm { Kind = MetricKind.Integer };
            return Page();
        }
        if (!int.TryParse(id, out var mid) || Take<MetricResponse>((await MetricsApi.GetMetric(db, mid, ct)).Result) is not { } m) return NotFound();
        (Id, CampaignId) = (mid, m.CampaignId);
        Form = new MetricForm
        {
            Code = m.Code, Label = m.Label, Unit = m.Unit, Kind = m.Kind, Categories = m.Categories, Aliases = string.Join(", ", m.Aliases), Max = m.Max, Version = m.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? campaignId, MetricForm form, CancellationToken ct)
    {
        Form = form;
        int? mid = int.TryParse(id, out var parsed) ? parsed : null;
        if (mid is null && id != "moi") return NotFound();
        var stored = mid is { } existing ? await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == existing, ct) : null;
        if (mid is not null && stored is null) return NotFound();
        CampaignId = stored?.CampaignId ?? campaignId ?? 0;
        Id = mid;
        if (stored is not null) form.Code = stored.Code;
        if (TakeBindingErrors()) return Page();
        List<string> aliases = [.. (form.Aliases ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var request = new MetricRequest(stored is null ? campaignId : null, stored is null ? form.Code?.Trim() : null, form.Label, form.Unit, form.Kind,
            form.Categories, aliases, null, form.Version, form.Max);
        var result = await SaveAsync(async () => mid is { } existingId
            ? (await MetricsApi.UpdateMetric(db, HttpContext, existingId, request, ct)).Result
            : (await MetricsApi.CreateMetric(db, request, ct)).Result);
        if (result is not null && Take<MetricResponse>(result) is { } saved)
            return RedirectWithFlash($"Đã lưu chỉ số \"{saved.Label}\" ({saved.Code}).", "/Plan/Index", new { campaignId = saved.CampaignId }, "chi-so");
        // A new metric for a campaign that is not there: the form has nothing to go back to.
        if (stored is null && FieldErrors.ContainsKey("campaignId")) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        if (!int.TryParse(id, out var mid) || await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct) is not { } m) return NotFound();
        if (await SaveAsync(async () => (await MetricsApi.DeleteMetric(db, mid, ct)).Result) is { } result && Succeeded(result))
            return RedirectWithFlash($"Đã xóa chỉ số \"{m.Label}\".", "/Plan/Index", new { campaignId = m.CampaignId }, "chi-so");
        var problem = Problem;
        await OnGetAsync(id, m.CampaignId, ct);
        // The refusal names the code field, but the code is not editable here: show it at the top.
        (Problem, IsConflict) = (problem, false);
        FieldErrors.Clear();
        return Page();
    }

    public static string KindName(MetricKind kind) => kind == MetricKind.Money ? "Số tiền (đồng)" : "Số đếm";
}
