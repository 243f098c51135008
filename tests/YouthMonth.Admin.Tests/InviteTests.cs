using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class InviteTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_contact_invite_is_a_single_use_code_with_a_deep_link_expiring_in_14_days()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var unit = await PlanSetup.UnitAsync(client, org, "Đoàn phường Sơn Kỳ");
        var contact = await (await client.PostJsonAsync("/api/contacts",
            $$"""{"unitId": {{(int)unit["id"]!}}, "name": "Bùi Thị Tạm", "phone": "0900000058", "role": "Bí thư"}""")
            .AssertStatusAsync(HttpStatusCode.Created)).JsonAsync();
        var contactId = (int)contact["id"]!;

        var invite = await (await client.PostAsync($"/api/contacts/{contactId}/invites", null).AssertStatusAsync(HttpStatusCode.Created)).JsonAsync();

        var code = (string)invite["code"]!;
        Assert.Matches(new Regex("^[A-Za-z0-9_-]{1,64}$"), code);
        Assert.DoesNotMatch(new Regex("[0O1Il]"), code);
        Assert.Equal($"https://t.me/YouthMonthBot?start={code}", (string)invite["telegramLink"]!);
        await using (var db = app.Db())
        {
            var stored = await db.InviteCodes.SingleAsync(i => i.Code == code);
            Assert.Equal(contactId, stored.ContactId);
            Assert.Null(stored.UsedAt);
            Assert.Equal(app.Clock.GetUtcNow().AddDays(14), stored.ExpiresAt);
        }

        var second = await (await client.PostAsync($"/api/contacts/{contactId}/invites", null)).JsonAsync();
        Assert.NotEqual(code, (string)second["code"]!);

        var qr = await client.GetAsync($"/api/contacts/{contactId}/invites/{code}/qr");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await qr.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/contacts/{contactId}/invites/nope/qr")).StatusCode);
    }

    [Fact]
    public async Task A_leader_chat_invite_can_have_its_own_expiry_and_is_listed()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var chat = await (await client.PostJsonAsync("/api/leader-chats", $$"""{"organisationId": {{org}}, "name": "Nhóm BTV"}""")
            .AssertStatusAsync(HttpStatusCode.Created)).JsonAsync();
        var id = (int)chat["id"]!;

        await client.PostJsonAsync($"/api/leader-chats/{id}/invites", """{"expiryDays": 2}""").AssertStatusAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/leader-chats/{id}/invites", """{"expiryDays": 0}""")).AssertFieldErrorAsync("expiryDays");

        var list = (await (await client.GetAsync($"/api/leader-chats/{id}/invites")).JsonAsync()).AsArray();
        Assert.Single(list);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(2), DateTimeOffset.Parse((string)list[0]!["expiresAt"]!));
        await using var db = app.Db();
        Assert.Equal(id, (await db.InviteCodes.SingleAsync()).LeaderChatId);
    }
}
