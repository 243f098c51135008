using System.Net;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Admin.Tests;

public sealed class DeadLettersApiTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task The_office_sees_dead_letters_newest_first_and_an_admin_puts_one_back_in_the_queue()
    {
        await app.ResetAsync();
        var at = new DateTimeOffset(2024, 3, 7, 9, 0, 0, TimeSpan.Zero);
        await using (var db = app.Db())
        {
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Zalo, ChatId = "z-1", DisplayName = "Minh Thư", CreatedAt = at });
            db.Inbox.AddRange(
                new InboxMessage
                {
                    Channel = Channel.Zalo, UpdateKey = "k1", ChatId = "z-1", ReceivedAt = at, ProcessedAt = at, DeadLetteredAt = at,
                    Attempts = 6, LastError = "ChatApiException: Zalo download failed: 503",
                    Payload = MessageJson.Serialize(new IncomingMessage
                    {
                        Channel = Channel.Zalo, ChatId = "z-1", Text = "Ảnh hoạt động", Photos = [new IncomingPhoto { Url = "https://x/a.jpg" }],
                    }),
                },
                new InboxMessage
                {
                    Channel = Channel.Telegram, UpdateKey = "k2", ChatId = "42", ReceivedAt = at, ProcessedAt = at.AddMinutes(5), DeadLetteredAt = at.AddMinutes(5),
                    Attempts = 1, LastError = "InvalidOperationException: bug",
                    Payload = MessageJson.Serialize(new IncomingMessage { Channel = Channel.Telegram, ChatId = "42", UserName = "An", Text = "/baocao" }),
                },
                new InboxMessage
                {
                    Channel = Channel.Telegram, UpdateKey = "k3", ChatId = "42", ReceivedAt = at, ProcessedAt = at, Attempts = 1,
                    Payload = MessageJson.Serialize(new IncomingMessage { Channel = Channel.Telegram, ChatId = "42", Text = "đã xử lý" }),
                });
            await db.SaveChangesAsync();
        }

        await app.AnonymousClient().GetAsync("/api/dead-letters").AssertStatusAsync(HttpStatusCode.Unauthorized);
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var page = await (await viewer.GetAsync("/api/dead-letters").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(2, (int)page["total"]!);
        var items = page["items"]!.AsArray();
        Assert.Equal("42", (string)items[0]!["chatId"]!);
        Assert.Equal("An", (string)items[0]!["displayName"]!);
        Assert.Equal("/baocao", (string)items[0]!["text"]!);
        Assert.Equal("Minh Thư", (string)items[1]!["displayName"]!);
        Assert.Equal(1, (int)items[1]!["photoCount"]!);
        Assert.Equal("Zalo", (string)items[1]!["channel"]!);
        var id = (long)items[1]!["id"]!;

        await viewer.GetAsync("/api/dead-letters?page=2147483647").AssertStatusAsync(HttpStatusCode.OK);
        await viewer.GetAsync("/api/dead-letters?page=0").AssertStatusAsync(HttpStatusCode.BadRequest);
        await viewer.PostAsync($"/api/dead-letters/{id}/retry", null).AssertStatusAsync(HttpStatusCode.Forbidden);

        var admin = await app.ClientAsync();
        await admin.PostAsync($"/api/dead-letters/{id}/retry", null).AssertStatusAsync(HttpStatusCode.Accepted);
        await admin.PostAsync($"/api/dead-letters/{id}/retry", null).AssertStatusAsync(HttpStatusCode.NotFound);
        await admin.PostAsync("/api/dead-letters/999999/retry", null).AssertStatusAsync(HttpStatusCode.NotFound);

        await using var check = app.Db();
        var row = await check.Inbox.SingleAsync(i => i.Id == id);
        Assert.Null(row.ProcessedAt);
        Assert.Null(row.DeadLetteredAt);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(1, await check.Inbox.CountAsync(i => i.DeadLetteredAt != null));
    }
}
