using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

[Collection(WebAppCollection.Name)]
public sealed class InviteTests(OfficeApp app)
{
    [Fact]
    public async Task Issuing_codes_for_everyone_unregistered_fills_the_printable_sheet_with_qr_codes_and_deep_links()
    {
        var page = await app.SignedInAsync();
        await page.ClickAsync("nav >> text=Mời tham gia");
        await page.ClickAsync("#issue-all");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã tạo");
        await Expect(page.Locator("#contacts tbody tr").First).ToBeVisibleAsync();
        await OfficeApp.ScreenshotAsync(page, "moi-tham-gia");
        // Everyone not yet registered now has a code (the registered keep their chats and need none).
        var unregistered = page.Locator("#contacts tbody tr").Filter(new() { HasText = "chưa đăng ký" });
        Assert.True(await unregistered.CountAsync() > 0);
        Assert.Equal(0, await unregistered.Filter(new() { HasNot = page.Locator("code") }).CountAsync());

        await page.ClickAsync("#print-sheet");
        var cards = page.Locator("#sheet .invite");
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.True(await cards.CountAsync() >= 4);
        await Expect(cards.First).ToContainTextAsync("https://t.me/ThangThanhNienTestBot?start=");
        var qr = cards.First.Locator("img");
        await Expect(qr).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#sheet img')].every(i => i.complete && i.naturalWidth > 0)");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await OfficeApp.ScreenshotAsync(page, "phieu-moi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unbinding_a_chat_marks_the_contact_unregistered_and_leaves_an_audit_row()
    {
        var contact = app.Plan.Contacts[3][1];
        int chatId;
        await using (var db = app.Db())
        {
            var chat = new ChatAccount
            {
                Channel = Channel.Zalo, ChatId = $"zalo-{Guid.NewGuid():N}"[..20], ChatType = ChatType.Private, DisplayName = "Khoa Zalo",
                ContactId = contact, CreatedAt = app.Clock.GetUtcNow(),
            };
            db.ChatAccounts.Add(chat);
            await db.SaveChangesAsync();
            chatId = chat.Id;
        }
        var page = await app.SignedInAsync();
        await page.GotoAsync("/moi-tham-gia");
        var row = page.Locator($"#contacts tr[data-contact='{contact}']");
        await Expect(row.Locator(".chats")).ToContainTextAsync("Zalo");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.Locator("button.unbind").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã gỡ");
        await Expect(page.Locator($"#contacts tr[data-contact='{contact}'] .chats")).ToContainTextAsync("chưa đăng ký");

        await using var check = app.Db();
        Assert.Null((await check.ChatAccounts.AsNoTracking().SingleAsync(a => a.Id == chatId)).ContactId);
        var audit = await check.ChatBindingAudit.AsNoTracking().Where(a => a.ChatAccountId == chatId).ToListAsync();
        Assert.Contains(audit, a => a.Action == ChatBindingAction.Unbound && a.Actor.Contains(OfficeApp.AdminUser));
        await page.Context.CloseAsync();
    }
}
