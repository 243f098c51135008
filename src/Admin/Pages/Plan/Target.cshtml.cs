using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>
/// A target of the campaign over TargetsApi's create/update/delete: its text as the plan words it, and the rule
/// (if any) by which the summary computes progress.
/// </summary>
public sealed class TargetModel(YouthMonthDb db) : OfficePage
{
    public sealed class TargetForm
    {
        public int? Number { get; set; }
        public string? Text { get; set; }
        public TargetRule? Rule { get; set; }
        public string? MetricCode { get; set; }
        public string? Category { get; set; }
        /// <summary>Typed the Vietnamese way ("1.000", "1,5 tỷ"): read with the bot's number reader, not the server's culture.</summary>
        public string? Goal { get; set; }
        public string? YearlyQuota { get; set; }
        public uint? Version { get; set; }
    }

    public TargetForm Form { get; private set; } = new();
    public int? Id { get; private set; }
    public int CampaignId { get; private set; }
    public IReadOnlyList<MetricResponse> CampaignMetrics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (id == "moi")
        {
            if (!await LoadAsync(campaignId, ct)) return NotFound();
            var next = (await db.Targets.Where(t => t.CampaignId == CampaignId).MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
            Form = new TargetForm { Number = next, Rule = TargetRule.None };
            return Page();
        }
        if (!int.TryParse(id, out var tid) || Take<TargetResponse>((await TargetsApi.GetTarget(db, tid, ct)).Result) is not { } t) return NotFound();
        Id = tid;
        await LoadAsync(t.CampaignId, ct);
        Form = new TargetForm
        {
            Number = t.Number, Text = t.Text, Rule = t.Rule, MetricCode = t.MetricCode, Category = t.Category, Goal = Shown(t.Goal), YearlyQuota = Shown(t.YearlyQuota),
            Version = t.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? campaignId, TargetForm form, CancellationToken ct)
    {
        Form = form;
        int? tid = int.TryParse(id, out var parsed) ? parsed : null;
        if (tid is null && id != "moi") return NotFound();
        var owner = tid is { } existing ? await db.Targets.Where(t => t.Id == existing).Select(t => (int?)t.CampaignId).FirstOrDefaultAsync(ct) : campaignId;
        if (!await LoadAsync(owner, ct)) return NotFound();
        Id = tid;
        TakeBindingErrors();
        var goal = Number("goal", form.Goal);
        var quota = Number("yearlyQuota", form.YearlyQuota);
        if (FieldErrors.Count > 0) return Page();
        var request = new TargetRequest(tid is null ? CampaignId : null, form.Number, form.Text, form.Rule, Blank(form.MetricCode), Blank(form.Category),
            goal, quota, form.Version);
        var result = await SaveAsync(async () => tid is { } existingId
            ? (await TargetsApi.UpdateTarget(db, HttpContext, existingId, request, ct)).Result
            : (await TargetsApi.CreateTarget(db, request, ct)).Result);
        if (result is not null && Take<TargetResponse>(result) is { } saved)
            return RedirectWithFlash($"Đã lưu chỉ tiêu {saved.Number}{(saved.Computable ? "" : " (chưa tính được: chưa chọn cách tính)")}.", "/Plan/Index",
                new { campaignId = saved.CampaignId }, "chi-tieu");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        if (!int.TryParse(id, out var tid) || await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) is not { } t) return NotFound();
        if (await SaveAsync(async () => (await TargetsApi.DeleteTarget(db, tid, ct)).Result) is { } result && Succeeded(result))
            return RedirectWithFlash($"Đã xóa chỉ tiêu {t.Number}.", "/Plan/Index", new { campaignId = t.CampaignId }, "chi-tieu");
        var problem = Problem;
        await OnGetAsync(id, t.CampaignId, ct);
        Problem = problem;
        return Page();
    }

    private async Task<bool> LoadAsync(int? campaignId, CancellationToken ct)
    {
        if (campaignId is not { } cid || !await db.Campaigns.AnyAsync(c => c.Id == cid, ct)) return false;
        CampaignId = cid;
        CampaignMetrics = Items<MetricResponse>((await MetricsApi.ListMetrics(db, cid, 1, Paging.MaxPageSize, ct)).Result);
        return true;
    }

    private decimal? Number(string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (VietnameseNumbers.TryParse(typed, NumberKind.Money, out var value, out var error)) return value;
        // A share with a fraction ("2,5" %) is refused by the whole-number reader but is a fine goal.
        if (decimal.TryParse(typed.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, Vietnamese, out var fraction)) return fraction;
        FieldErrors[field] = [error];
        return null;
    }

    private static readonly System.Globalization.NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static string? Shown(decimal? value) => value is { } v ? VietnameseNumbers.Format(v) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static string RuleName(TargetRule rule) => rule switch
    {
        TargetRule.MetricTotal => "Tổng số liệu các đơn vị đạt mức",
        TargetRule.UnitCoverage => "Tỷ lệ % đơn vị có hoạt động (theo lĩnh vực)",
        TargetRule.YearlyQuotaShare => "Tỷ lệ % so với chỉ tiêu năm",
        TargetRule.PerUnitMinimum => "Mỗi đơn vị đạt tối thiểu",
        _ => "Không tính (chỉ ghi nội dung)",
    };
}
