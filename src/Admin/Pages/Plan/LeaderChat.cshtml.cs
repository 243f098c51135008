using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>
/// A leaders' group chat (where the bot posts the summaries) over LeaderChatsApi's create/update/delete. It belongs
/// to the organisation, so the campaign only says which organisation and where to go back to.
/// </summary>
public sealed class LeaderChatModel(YouthMonthDb db) : OfficePage
{
    public sealed class LeaderChatForm
    {
        public string? Name { get; set; }
        public bool Active { get; set; }
        public uint? Version { get; set; }
    }

    public LeaderChatForm Form { get; private set; } = new();
    public int? Id { get; private set; }
    public int CampaignId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (await CampaignAsync(campaignId, ct) is not { } organisationId) return NotFound();
        if (id == "moi")
        {
            Form = new LeaderChatForm { Active = true };
            return Page();
        }
        if (!int.TryParse(id, out var lid) || Take<LeaderChatResponse>((await LeaderChatsApi.GetLeaderChat(db, lid, ct)).Result) is not { } l
            || l.OrganisationId != organisationId)
            return NotFound();
        Id = lid;
        Form = new LeaderChatForm { Name = l.Name, Active = l.Active, Version = l.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? campaignId, LeaderChatForm form, CancellationToken ct)
    {
        Form = form;
        if (await CampaignAsync(campaignId, ct) is not { } organisationId) return NotFound();
        int? lid = int.TryParse(id, out var parsed) ? parsed : null;
        if (lid is null && id != "moi") return NotFound();
        Id = lid;
        if (TakeBindingErrors()) return Page();
        var request = new LeaderChatRequest(lid is null ? organisationId : null, form.Name, form.Active, form.Version);
        var result = await SaveAsync(async () => lid is { } existing
            ? (await LeaderChatsApi.UpdateLeaderChat(db, HttpContext, existing, request, ct)).Result
            : (await LeaderChatsApi.CreateLeaderChat(db, request, ct)).Result);
        if (result is not null && Take<LeaderChatResponse>(result) is { } saved)
            return RedirectWithFlash(lid is null
                    ? $"Đã thêm nhóm lãnh đạo \"{saved.Name}\"; tạo mã mời nhóm ở trang Mời tham gia."
                    : $"Đã lưu nhóm lãnh đạo \"{saved.Name}\".",
                "/Plan/Index", new { campaignId = CampaignId }, "lanh-dao");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, int? campaignId, CancellationToken ct)
    {
        if (await CampaignAsync(campaignId, ct) is not { } organisationId || !int.TryParse(id, out var lid)
            || await db.LeaderChats.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid && l.OrganisationId == organisationId, ct) is not { } l)
            return NotFound();
        if (await SaveAsync(async () => (await LeaderChatsApi.DeleteLeaderChat(db, lid, ct)).Result) is { } result && Succeeded(result))
            return RedirectWithFlash($"Đã xóa nhóm lãnh đạo \"{l.Name}\".", "/Plan/Index", new { campaignId = CampaignId }, "lanh-dao");
        var problem = Problem;
        await OnGetAsync(id, campaignId, ct);
        Problem = problem;
        return Page();
    }

    private async Task<int?> CampaignAsync(int? campaignId, CancellationToken ct)
    {
        if (campaignId is not { } cid) return null;
        CampaignId = cid;
        return await db.Campaigns.Where(c => c.Id == cid).Select(c => (int?)c.OrganisationId).FirstOrDefaultAsync(ct);
    }
}
