using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Invitations;

/// <summary>
/// Mời tham gia: each contact and leader group with its newest usable invite code and the chats bound to it;
/// codes are issued and chats unbound through the API's handlers (ContactsApi, LeaderChatsApi, ChatsApi).
/// </summary>
public sealed class IndexModel(YouthMonthDb db, TimeProvider clock, IOptions<InviteOptions> options) : OfficePage
{
    public sealed record ChatRow(int Id, Channel Channel, string? DisplayName, bool Unreachable);

    public sealed record ContactRow(int Id, string Name, string? Role, int UnitId, string Unit, string? Cluster,
        InviteResponse? Invite, IReadOnlyList<ChatRow> Chats);

    public sealed record GroupRow(int Id, string Name, InviteResponse? Invite, IReadOnlyList<ChatRow> Chats);

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];
    public Campaign? Campaign { get; private set; }
    public IReadOnlyList<string> Clusters { get; private set; } = [];
    /// <summary>null: every cluster; "" the units without one.</summary>
    public string? Cluster { get; private set; }
    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];
    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    public string BotUsername => options.Value.BotUsername;

    public async Task OnGetAsync(int? campaignId, string? cluster, CancellationToken ct) => await LoadAsync(campaignId, cluster, ct);

    /// <summary>New codes for the shown contacts that have no usable code and no chat yet (or for one contact).</summary>
    public async Task<IActionResult> OnPostIssueAsync(int campaignId, string? cluster, int? contactId, CancellationToken ct)
    {
        await LoadAsync(campaignId, cluster, ct);
        var targets = contactId is { } one ? Contacts.Where(c => c.Id == one) : Contacts.Where(c => c.Invite is null && c.Chats.Count == 0);
        var issued = 0;
        foreach (var contact in targets.ToList())
        {
            if (Take<InviteResponse>((await ContactsApi.CreateContactInvite(db, clock, options, contact.Id, null, ct)).Result) is null) return Page();
            issued++;
        }
        return RedirectWithFlash(issued == 0 ? "Mọi người trong danh sách đã có mã còn hạn hoặc đã đăng ký." : $"Đã tạo {issued} mã mời.",
            "/Invitations/Index", new { campaignId, cluster });
    }

    public async Task<IActionResult> OnPostIssueGroupAsync(int campaignId, string? cluster, int leaderChatId, CancellationToken ct)
    {
        if (Take<InviteResponse>((await LeaderChatsApi.CreateLeaderChatInvite(db, clock, options, leaderChatId, null, ct)).Result) is { } made)
            return RedirectWithFlash($"Đã tạo mã mời nhóm lãnh đạo: {made.Code}.", "/Invitations/Index", new { campaignId, cluster });
        await LoadAsync(campaignId, cluster, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnbindAsync(int campaignId, string? cluster, int chatId, string? reason, CancellationToken ct)
    {
        var result = (await ChatsApi.UnbindChat(db, clock, User, chatId, reason, ct)).Result;
        if (Succeeded(result))
            return RedirectWithFlash("Đã gỡ cuộc trò chuyện: từ nay nó không báo cáo thay ai nữa, và đã được báo qua bot.", "/Invitations/Index",
                new { campaignId, cluster });
        await LoadAsync(campaignId, cluster, ct);
        return Page();
    }

    /// <summary>The QR of a code, for the page and the printed sheet (the API's drawing, with the office cookie).</summary>
    public async Task<IActionResult> OnGetQrAsync(int? contactId, int? leaderChatId, string code, CancellationToken ct)
    {
        var result = contactId is { } c
            ? (await ContactsApi.ContactInviteQr(db, options, c, code, ct)).Result
            : (await LeaderChatsApi.LeaderChatInviteQr(db, options, leaderChatId ?? 0, code, ct)).Result;
        return result is FileContentHttpResult png ? File(png.FileContents.ToArray(), "image/png") : NotFound();
    }

    public async Task LoadAsync(int? campaignId, string? cluster, CancellationToken ct)
    {
        (Campaigns, Campaign) = await CampaignChoice.ResolveAsync(db, campaignId, ct);
        if (Campaign is not { } campaign) return;
        var org = campaign.OrganisationId;
        var units = await db.Units.AsNoTracking().Where(u => u.OrganisationId == org && u.Active).ToListAsync(ct);
        Clusters = [.. units.Select(u => u.Cluster ?? "").Distinct().Order(StringComparer.Ordinal)];
        Cluster = cluster is not null && Clusters.Contains(cluster) ? cluster : null;
        var shown = units.Where(u => Cluster is null || (u.Cluster ?? "") == Cluster).ToDictionary(u => u.Id);

        var now = clock.GetUtcNow();
        var codes = await db.InviteCodes.AsNoTracking()
            .Where(i => i.UsedAt == null && i.ExpiresAt > now
                && ((i.Contact != null && i.Contact.Unit!.OrganisationId == org) || (i.LeaderChat != null && i.LeaderChat.OrganisationId == org)))
            .ToListAsync(ct);
        var newestCode = codes.Where(i => i.ContactId is not null).GroupBy(i => i.ContactId!.Value)
            .ToDictionary(g => g.Key, g => Invites.Response(g.MaxBy(i => i.CreatedAt)!, options.Value, ""));
        var newestGroupCode = codes.Where(i => i.LeaderChatId is not null).GroupBy(i => i.LeaderChatId!.Value)
            .ToDictionary(g => g.Key, g => Invites.Response(g.MaxBy(i => i.CreatedAt)!, options.Value, ""));
        var chats = await db.ChatAccounts.AsNoTracking()
            .Where(a => (a.Contact != null && a.Contact.Unit!.OrganisationId == org) || (a.LeaderChat != null && a.LeaderChat.OrganisationId == org))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ContactId, a.LeaderChatId, Row = new ChatRow(a.Id, a.Channel, a.DisplayName, a.UnreachableSince != null) })
            .ToListAsync(ct);
        var byContact = chats.Where(c => c.ContactId is not null).ToLookup(c => c.ContactId!.Value, c => c.Row);
        var byGroup = chats.Where(c => c.LeaderChatId is not null).ToLookup(c => c.LeaderChatId!.Value, c => c.Row);

        var shownIds = shown.Keys.ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.Active && shownIds.Contains(c.UnitId)).ToListAsync(ct);
        Contacts = [.. contacts
            .Select(c => new ContactRow(c.Id, c.Name, c.Role, c.UnitId, shown[c.UnitId].Name, shown[c.UnitId].Cluster,
                newestCode.GetValueOrDefault(c.Id), [.. byContact[c.Id]]))
            .OrderBy(c => c.Cluster ?? "\uffff", StringComparer.Ordinal).ThenBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Id)];

        var groups = await db.LeaderChats.AsNoTracking().Where(l => l.OrganisationId == org && l.Active).OrderBy(l => l.Id).ToListAsync(ct);
        Groups = [.. groups.Select(g => new GroupRow(g.Id, g.Name, newestGroupCode.GetValueOrDefault(g.Id), [.. byGroup[g.Id]]))];
    }

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Telegram => "Telegram", Channel.Zalo => "Zalo", _ => "Trò chuyện thử",
    };
}
