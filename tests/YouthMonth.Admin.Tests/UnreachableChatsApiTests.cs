using System.Net;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Admin.Tests;

public sealed class UnreachableChatsApiTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task A_viewer_sees_the_organisations_unreachable_contact_and_leader_chats_and_nothing_else()
    {
        var admin = await app.ClientAsync();
        var imported = await admin.PostJsonAsync("/api/plan/import", Http.Sample("cantho-2024.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;
        int orgId;
        await using (var db = app.Db())
        {
            orgId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.OrganisationId).SingleAsync();
            var contacts = await db.Contacts.Include(c => c.Unit).Where(c => c.Unit!.OrganisationId == orgId).OrderBy(c => c.Id).Take(2).ToListAsync();
            var leaders = await db.LeaderChats.FirstAsync(l => l.OrganisationId == orgId);
            var since = new DateTimeOffset(2024, 3, 7, 9, 0, 0, TimeSpan.Zero);
            db.ChatAccounts.AddRange(
                new ChatAccount { Channel = Channel.Telegram, ChatId = "111", ContactId = contacts[0].Id, CreatedAt = since, UnreachableSince = since, UnreachableReason = "Forbidden: bot was blocked by the user" },
                new ChatAccount { Channel = Channel.Zalo, ChatId = "z-222", ContactId = contacts[1].Id, CreatedAt = since },
                new ChatAccount { Channel = Channel.Telegram, ChatId = "-333", ChatType = ChatType.Group, LeaderChatId = leaders.Id, CreatedAt = since, UnreachableSince = since.AddHours(1), UnreachableReason = "Forbidden: bot was kicked from the group chat" });
            await db.SaveChangesAsync();
        }

        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var list = (await (await viewer.GetAsync($"/api/organisations/{orgId}/unreachable-chats").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync()).AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("-333", (string)list[0]!["chatId"]!);
        Assert.Equal("Ban Thường vụ Đoàn Khối", (string)list[0]!["leaderChatName"]!);
        Assert.Equal("111", (string)list[1]!["chatId"]!);
        Assert.Equal("Telegram", (string)list[1]!["channel"]!);
        Assert.Equal("Forbidden: bot was blocked by the user", (string)list[1]!["reason"]!);
        Assert.NotNull((string?)list[1]!["unitName"]);

        await viewer.GetAsync("/api/organisations/99999/unreachable-chats").AssertStatusAsync(HttpStatusCode.NotFound);
    }
}
