using System.Net;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Admin.Tests;

public sealed class ChatsApiTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task The_office_sees_a_contacts_and_a_leader_groups_chats_and_unbinds_one_with_an_audit_row_naming_the_key()
    {
        var admin = await app.ClientAsync();
        var imported = await admin.PostJsonAsync("/api/plan/import", Http.Sample("cantho-2024.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;
        int contactId, leadersId, strangerId;
        await using (var db = app.Db())
        {
            var orgId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.OrganisationId).SingleAsync();
            contactId = await db.Contacts.Where(c => c.Unit!.OrganisationId == orgId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            leadersId = await db.LeaderChats.Where(l => l.OrganisationId == orgId).Select(l => l.Id).FirstAsync();
            var since = new DateTimeOffset(2024, 3, 3, 9, 0, 0, TimeSpan.Zero);
            var stranger = new ChatAccount { Channel = Channel.Telegram, ChatId = "777", DisplayName = "Người lạ", ContactId = contactId, CreatedAt = since };
            db.ChatAccounts.AddRange(
                new ChatAccount { Channel = Channel.Zalo, ChatId = "z-owner", DisplayName = "Bí thư", ContactId = contactId, CreatedAt = since },
                stranger,
                new ChatAccount { Channel = Channel.Telegram, ChatId = "-100", ChatType = ChatType.Group, LeaderChatId = leadersId, CreatedAt = since });
            await db.SaveChangesAsync();
            strangerId = stranger.Id;
        }

        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var chats = (await (await viewer.GetAsync($"/api/contacts/{contactId}/chats").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync()).AsArray();
        Assert.Equal(["z-owner", "777"], chats.Select(c => (string)c!["chatId"]!));
        Assert.Equal("Zalo", (string)chats[0]!["channel"]!);
        var groups = (await (await viewer.GetAsync($"/api/leader-chats/{leadersId}/chats").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync()).AsArray();
        Assert.Equal("-100", (string)Assert.Single(groups)!["chatId"]!);
        await viewer.GetAsync("/api/contacts/999999/chats").AssertStatusAsync(HttpStatusCode.NotFound);
        await viewer.GetAsync("/api/leader-chats/999999/chats").AssertStatusAsync(HttpStatusCode.NotFound);

        await viewer.DeleteAsync($"/api/chats/{strangerId}").AssertStatusAsync(HttpStatusCode.Forbidden);
        await admin.DeleteAsync($"/api/chats/{strangerId}?reason=%00").AssertFieldErrorAsync("reason");
        await admin.DeleteAsync($"/api/chats/{strangerId}?reason=" + Uri.EscapeDataString("Không phải bí thư")).AssertStatusAsync(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/chats/{strangerId}").AssertStatusAsync(HttpStatusCode.Conflict);
        await admin.DeleteAsync("/api/chats/999999").AssertStatusAsync(HttpStatusCode.NotFound);

        chats = (await (await viewer.GetAsync($"/api/contacts/{contactId}/chats")).JsonAsync()).AsArray();
        Assert.Equal("z-owner", (string)Assert.Single(chats)!["chatId"]!);
        var audit = await (await viewer.GetAsync($"/api/chats/audit?contactId={contactId}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(1, (int)audit["total"]!);
        var row = audit["items"]![0]!;
        Assert.Equal(("Unbound", "777", "admin:test-Admin", "Không phải bí thư", "Người lạ"),
            ((string)row["action"]!, (string)row["chatId"]!, (string)row["actor"]!, (string)row["reason"]!, (string)row["displayName"]!));
        Assert.Contains("(", (string)row["subject"]!); // "name (unit)"
        await viewer.GetAsync("/api/chats/audit?page=2147483647").AssertStatusAsync(HttpStatusCode.OK);

        await using (var db = app.Db())
        {
            var told = await db.Outbox.SingleAsync(o => o.ChatId == "777");
            Assert.StartsWith("Văn phòng Đoàn đã huỷ liên kết", MessageJson.Deserialize<OutgoingMessage>(told.Payload).Text);
        }
    }
}
