using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Reporting;
using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

[Collection(WebAppCollection.Name)]
public sealed class ReviewTests(OfficeApp app)
{
    // A 2×2 PNG, enough for the browser to decode a thumbnail.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    private async Task<(int ReportId, string LocalChat)> SeedReportAsync(int unit)
    {
        await using var db = app.Db();
        var photoPath = $"ab/{Guid.NewGuid():N}.png";
        Directory.CreateDirectory(Path.Combine(app.PhotoRoot, "ab"));
        await File.WriteAllBytesAsync(Path.Combine(app.PhotoRoot, photoPath), Png);
        var photo = new Photo
        {
            Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/png", SizeBytes = Png.Length,
            Width = 2, Height = 2, StoragePath = photoPath, CreatedAt = app.Clock.GetUtcNow(),
        };
        var report = new Report
        {
            PeriodId = app.Plan.Week2Id, UnitId = app.Plan.Units[unit], Status = ReportStatus.Submitted,
            CreatedAt = app.Clock.GetUtcNow().AddHours(-2), SubmittedAt = app.Clock.GetUtcNow().AddHours(-1),
            SubmittedByContactId = app.Plan.Contacts[unit][0],
        };
        var activity = new ReportActivity
        {
            Title = "Hiến máu tình nguyện tại hội trường", Category = YouthMonth.Core.Plan.ActivityCategories.SocialWelfare, SortOrder = 1,
            Date = new DateOnly(2024, 3, 4), NewsText = "Hơn 40 đoàn viên tham gia hiến máu.", Links = ["https://example.org/tin-hien-mau"],
        };
        activity.Photos.Add(new ReportPhoto { Photo = photo, Caption = "Ảnh hiến máu" });
        // A second photo the bot could not download: the unit sent the report without it.
        activity.PhotoFailures.Add(new ReportPhotoFailure
        {
            Position = 2, Caption = "Ảnh tập thể", Reason = PhotoRejection.DownloadFailed, Detail = "HTTP 503",
            FailedAt = app.Clock.GetUtcNow().AddHours(-1).AddMinutes(-5),
        });
        report.Activities.Add(activity);
        report.Values.Add(new ReportMetricValue { MetricCode = "blood_units", Value = 42, ReportActivity = activity });
        db.Reports.Add(report);
        var chatId = $"web-{Guid.NewGuid():N}"[..20];
        db.ChatAccounts.Add(new ChatAccount
        {
            Channel = Channel.Local, ChatId = chatId, ChatType = ChatType.Private, ContactId = app.Plan.Contacts[unit][0],
            CreatedAt = app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (report.Id, chatId);
    }

    [Fact]
    public async Task Returning_a_report_with_a_reason_tells_the_unit_through_the_bot_and_shows_in_the_audit_trail()
    {
        var (reportId, chat) = await SeedReportAsync(unit: 2);
        var page = await app.SignedInAsync();
        await page.GotoAsync("/duyet-bao-cao");
        await page.ClickAsync($"#queue a[href='/duyet-bao-cao/{reportId}']");
        await Expect(page.Locator("h1")).ToContainTextAsync("Đoàn cơ sở Trường Cao đẳng Y tế");
        await Expect(page.Locator(".activity")).ToContainTextAsync("Hơn 40 đoàn viên tham gia hiến máu.");
        var thumb = page.Locator(".thumbs img").First;
        await Expect(thumb).ToBeVisibleAsync();
        Assert.True(await thumb.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1") > 0, "the thumbnail is served and decodes");
        await Expect(page.Locator(".photo-failures")).ToContainTextAsync("Ảnh thứ 2 — máy chủ chat không trả ảnh sau nhiều lần thử (HTTP 503)");
        await Expect(page.Locator(".photo-failures")).ToContainTextAsync("chú thích: “Ảnh tập thể”");
        await OfficeApp.ScreenshotAsync(page, "duyet-bao-cao");

        // No reason: the field says what to write, nothing is sent.
        await page.ClickAsync("#return");
        await Expect(page.Locator(".field-error[data-field=reason]")).ToContainTextAsync("hãy ghi rõ đơn vị cần sửa gì");

        await page.FillAsync("#Reason", "Thiếu ảnh tập thể của buổi hiến máu");
        await page.ClickAsync("#return");
        await Expect(page.Locator(".flash")).ToContainTextAsync("bot đã nhắn cho 1 người");
        await Expect(page.Locator("#return-reason")).ToContainTextAsync("Thiếu ảnh tập thể");
        await Expect(page.Locator("#audit")).ToContainTextAsync("Trả lại báo cáo: Thiếu ảnh tập thể của buổi hiến máu");
        await Expect(page.Locator("#audit")).ToContainTextAsync(OfficeApp.AdminUser);

        // The unit's local chat gets the bot's message (the outbox row the Bot's sender delivers).
        await using var db = app.Db();
        var sent = await db.Outbox.AsNoTracking().Where(m => m.Channel == Channel.Local && m.ChatId == chat).ToListAsync();
        var text = JsonDocument.Parse(Assert.Single(sent).Payload).RootElement.GetProperty("text").GetString();
        Assert.Contains("Cần sửa: Thiếu ảnh tập thể của buổi hiến máu", text);
        Assert.Contains("/sua", text);

        await page.GotoAsync("/duyet-bao-cao?show=tra-lai");
        await Expect(page.Locator("#queue")).ToContainTextAsync("Đoàn cơ sở Trường Cao đẳng Y tế");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_reads_a_report_but_cannot_approve_it_even_by_forging_the_form()
    {
        var (reportId, _) = await SeedReportAsync(unit: 3);
        var page = await app.SignedInAsync(OfficeApp.ViewerUser);
        await page.GotoAsync($"/duyet-bao-cao/{reportId}");
        await Expect(page.Locator(".activity")).ToContainTextAsync("Hiến máu tình nguyện");
        await Expect(page.Locator("#accept")).ToHaveCountAsync(0);

        // The sign-out form's antiforgery token is valid for any form of this session; post "approve" with it.
        await page.EvaluateAsync(@"id => {
            const token = document.querySelector('form.signout input[name=__ym_af]').value;
            const f = document.createElement('form');
            f.method = 'post'; f.action = '/duyet-bao-cao/' + id + '?handler=Accept';
            const i = document.createElement('input'); i.type = 'hidden'; i.name = '__ym_af'; i.value = token; f.appendChild(i);
            document.body.appendChild(f); f.submit(); }", reportId);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/khong-du-quyen"));
        await using var db = app.Db();
        Assert.Equal(ReviewStatus.Pending, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId)).Review);
        await page.Context.CloseAsync();
    }
}
