using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Issue 11 pt 7: whether photos are required is the period's own setting. Week 1 of this fixture does not require
/// them (the photo question offers "Không có ảnh"); the kick-off does ("Kỳ này cần ít nhất 1 ảnh"), and even there a
/// photo the bot could not download never blocks the report.
/// </summary>
public sealed class PhotosRequiredTests(DialogFixture fixture) : IClassFixture<DialogFixture>, IAsyncLifetime
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    public async Task InitializeAsync()
    {
        await using var db = H.Db();
        await db.Periods.Where(p => p.Id == P.Week1Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhotosRequired, false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ReportQuizUpToPhotosAsync(ChatSession chat)
    {
        await chat.Say("/baocao");
        await chat.Say(chat.Channel == Channel.Telegram ? "Có, báo cáo hoạt động" : "1");
        await chat.Say("Hội thi tìm hiểu lịch sử Đoàn");
        await chat.Say("04/3");
        await chat.Say("80");
        await chat.Say("Hội thi tìm hiểu lịch sử Đoàn với 16 đội thi.");
    }

    [Fact]
    public async Task When_the_period_does_not_require_photos_the_photo_question_offers_Khong_co_anh()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await ReportQuizUpToPhotosAsync(lan);
        Assert.Equal(ReportTexts.AskPhotosOnceOptional, lan.LastText);
        Assert.DoesNotContain("cần ít nhất 1 ảnh", lan.LastText);
        await lan.Press("Không có ảnh");
        Assert.StartsWith("Đơn vị còn hoạt động nào khác", lan.LastText);
        await lan.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 0\n", lan.LastText);
        await lan.Press("Gửi báo cáo");
        Assert.StartsWith("Đã gửi báo cáo Tuần 1", lan.LastText);
        var activity = Assert.Single((await H.ReportAsync(P.Week1Id, P.Units[0]))!.Activities);
        Assert.Empty(activity.Photos);
    }

    [Fact]
    public async Task When_the_period_requires_photos_words_instead_of_a_photo_are_told_why_and_nothing_is_lost()
    {
        await using (var db = H.Db())
        {
            await db.Periods.Where(p => p.Id == P.Week1Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhotosRequired, true));
            // Another test of this class may have reported this week for the unit already.
            await db.Reports.Where(r => r.PeriodId == P.Week1Id && r.UnitId == P.Units[0]).ExecuteDeleteAsync();
        }
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await ReportQuizUpToPhotosAsync(lan);
        Assert.Contains("cần ít nhất 1 ảnh", lan.LastText);
        await lan.Say("không có ảnh");
        Assert.StartsWith(ReportTexts.NeedOnePhoto, lan.LastText);
        await lan.Say("xong");
        Assert.StartsWith(ReportTexts.NeedOnePhoto, lan.LastText);
        await lan.Photo(await H.NewPhotoAsync());
        Assert.StartsWith("Đơn vị còn hoạt động nào khác", lan.LastText.Split('\n').Last(l => l.Length > 0));
        await lan.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 1\n", lan.LastText);
        Assert.Contains("16 đội thi", lan.LastText);
    }

    [Fact]
    public async Task On_Zalo_typing_xong_without_a_photo_goes_on_when_photos_are_not_required()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0], Channel.Zalo);
        await chat.Say("/baocao");
        await chat.Say("1");
        await chat.Say("Hoạt động khác");
        await chat.Say("Sinh hoạt chi đoàn tháng 3");
        await chat.Say("Hoạt động khác");
        await chat.Say("04/3");
        await chat.Say("tham gia 30");
        if (!chat.LastText.Contains("Viết vài dòng tin", StringComparison.Ordinal)) await chat.Say("bỏ qua hết");
        await chat.Say("Sinh hoạt chủ đề tháng 3.");
        Assert.Contains("không có ảnh thì gõ \"Không có ảnh\"", chat.LastText);
        await chat.Say("xong");
        Assert.StartsWith("Đơn vị còn hoạt động nào khác", chat.LastText);
        await chat.Say("/huy");
    }

    [Fact]
    public async Task When_the_period_requires_photos_it_says_so_and_a_failed_download_still_never_blocks()
    {
        H.SetLocalTime(2024, 3, 3, 10, 30);
        var chat = await H.RegisteredAsync(P.Contacts[1][0]);
        await chat.Say("/baocao");
        await chat.Say("Sáng 03/3, đơn vị ra quân Tháng Thanh niên.");
        await chat.Say("120");
        await chat.Say("https://facebook.com/doan/posts/9");
        Assert.Equal(ReportTexts.AskPhotosRequired, chat.LastText);
        await chat.Say("xong");
        Assert.StartsWith(ReportTexts.NeedOnePhoto, chat.LastText);
        await chat.FailedPhoto(PhotoRejection.DownloadFailed, detail: "HTTP 502");
        Assert.StartsWith("Ảnh thứ 1: Máy chủ chat không trả ảnh này", chat.LastText);
        await chat.Press("Gửi không kèm ảnh");
        Assert.Contains("Ảnh: 0 (1 ảnh không lưu được: ảnh thứ 1 — máy chủ chat không trả ảnh sau nhiều lần thử)", chat.LastText);
        await chat.Press("Gửi báo cáo");
        Assert.StartsWith("Đã gửi báo cáo Lễ ra quân", chat.LastText);

        await using var db = H.Db();
        var activity = await db.ReportActivities.Include(a => a.PhotoFailures)
            .SingleAsync(a => a.Report!.PeriodId == P.KickOffId && a.Report.UnitId == P.Units[1]);
        Assert.Equal(("HTTP 502", PhotoRejection.DownloadFailed), (Assert.Single(activity.PhotoFailures).Detail, activity.PhotoFailures[0].Reason));
    }
}
