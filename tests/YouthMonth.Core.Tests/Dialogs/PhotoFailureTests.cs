using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Issue 11 pt 7: a photo the bot could not download never blocks finishing the report. The person hears which
/// photo failed and why, may send it again or go on without it; the report records the failure for the office.
/// </summary>
public sealed class PhotoFailureTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task A_photo_that_could_not_be_downloaded_is_told_and_the_report_is_sent_without_it_and_records_it()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0], speaker: "Chị Lan (Bí thư)");
        await lan.Say("/baocao");
        await lan.Press("Có, báo cáo hoạt động");
        await lan.Press("Hội thi tìm hiểu lịch sử Đoàn");
        await lan.Say("04/3");
        await lan.Say("80");
        await lan.Say("Hội thi tìm hiểu lịch sử Đoàn với 16 đội thi.");
        Assert.Contains("Gửi ảnh hoạt động", lan.LastText);

        await lan.FailedPhoto(PhotoRejection.DownloadFailed, caption: "Các đội thi", detail: "HTTP 503");
        Assert.StartsWith("Ảnh thứ 1: Máy chủ chat không trả ảnh này cho bot dù đã thử lại nhiều lần", lan.LastText);
        Assert.Contains("Gửi không kèm ảnh", lan.LastText);
        await lan.Press("Gửi không kèm ảnh");
        Assert.StartsWith("Đơn vị còn hoạt động nào khác", lan.LastText);
        await lan.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 0 (1 ảnh không lưu được: ảnh thứ 1 — máy chủ chat không trả ảnh sau nhiều lần thử)", lan.LastText);
        await lan.Press("Gửi báo cáo");
        Assert.Equal("Đã gửi báo cáo Tuần 1 (02/3–08/3). Cảm ơn bạn!", lan.LastText);

        await using var db = H.Db();
        var report = await db.Reports.Include(r => r.Activities).ThenInclude(a => a.PhotoFailures).Include(r => r.Activities).ThenInclude(a => a.Photos)
            .SingleAsync(r => r.PeriodId == P.Week1Id && r.UnitId == P.Units[0]);
        var activity = Assert.Single(report.Activities);
        Assert.Empty(activity.Photos);
        var failure = Assert.Single(activity.PhotoFailures);
        Assert.Equal((1, "Các đội thi", PhotoRejection.DownloadFailed, "HTTP 503"), (failure.Position, failure.Caption, failure.Reason, failure.Detail));
        Assert.Equal(H.Clock.GetUtcNow(), failure.FailedAt);
        // The office reads it in the report's details (admin API, web page).
        var details = (await ReportDetailsQuery.GetAsync(db, report.Id))!;
        var shown = Assert.Single(Assert.Single(details.Activities).PhotoFailures);
        Assert.Equal("máy chủ chat không trả ảnh sau nhiều lần thử", shown.ReasonText);
        Transcripts.Check("photo-failed", "Ảnh không tải được (Telegram)",
            "Máy chủ Telegram không trả ảnh của chị Lan dù bot đã thử lại nhiều lần: chị gửi báo cáo không kèm ảnh, văn phòng thấy ảnh nào bị lỗi.", lan);
    }

    [Fact]
    public async Task A_failed_photo_in_an_album_is_named_and_a_photo_sent_again_takes_its_place()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][0]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Diễn đàn thanh niên với chuyển đổi số");
        await chat.Say("04/3");
        await chat.Say("tham gia 80");
        if (!chat.LastText.Contains("Viết vài dòng tin", StringComparison.Ordinal)) await chat.Say("bỏ qua hết");
        await chat.Say("Diễn đàn với 60 đoàn viên.");
        var replies = await chat.AlbumWithFailures(PhotoRejection.TooLarge, await H.NewPhotoAsync(), null, await H.NewPhotoAsync());
        var reply = Assert.Single(replies).Text;
        Assert.StartsWith("Ảnh thứ 2: Ảnh quá lớn.", reply);
        Assert.Contains("Đã nhận 2 ảnh.\n\nĐơn vị còn hoạt động nào khác", reply);
        await chat.Photo(await H.NewPhotoAsync());
        Assert.StartsWith("Đã nhận thêm ảnh, hoạt động này có 3 ảnh.", chat.LastText);
        await chat.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 3\n", chat.LastText);
        await chat.Press("Gửi báo cáo");

        await using var db = H.Db();
        var activity = await db.ReportActivities.Include(a => a.Photos).Include(a => a.PhotoFailures)
            .SingleAsync(a => a.Report!.PeriodId == P.Week1Id && a.Report.UnitId == P.Units[1]);
        Assert.Equal(3, activity.Photos.Count);
        Assert.Empty(activity.PhotoFailures);
    }

    [Fact]
    public async Task A_failed_photo_sent_before_the_photo_question_is_told_and_recorded_like_one_sent_there()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        var question = chat.LastText;

        // With the activity's date, before any photo question: told at once, and the question comes again.
        var replies = await chat.FailedPhoto(PhotoRejection.DownloadFailed, caption: "Ảnh hiến máu", detail: "HTTP 503");
        Assert.Single(replies);
        Assert.StartsWith("Ảnh thứ 1: Máy chủ chat không trả ảnh này", replies[0].Text);
        Assert.Contains(ReportTexts.EarlyPhotosFailed + "\n\n" + question, replies[0].Text);

        await chat.Say("04/3");
        await chat.Say("tham gia 60, máu 40");
        if (!chat.LastText.Contains("Viết vài dòng tin", StringComparison.Ordinal)) await chat.Press("Bỏ qua hết");
        await chat.Say("Sáng 04/3, 60 đoàn viên hiến máu.");
        // The photo question knows: only the failed photo so far, so send it again or go on without it.
        Assert.Contains("Gửi không kèm ảnh", chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await chat.Press("Gửi không kèm ảnh");
        await chat.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 0 (1 ảnh không lưu được: ảnh thứ 1 — máy chủ chat không trả ảnh sau nhiều lần thử)", chat.LastText);
        await chat.Press("Gửi báo cáo");

        await using var db = H.Db();
        var activity = await db.ReportActivities.Include(a => a.Photos).Include(a => a.PhotoFailures)
            .SingleAsync(a => a.Report!.PeriodId == P.Week1Id && a.Report.UnitId == P.Units[2]);
        Assert.Empty(activity.Photos);
        var failure = Assert.Single(activity.PhotoFailures);
        Assert.Equal((1, "Ảnh hiến máu", PhotoRejection.DownloadFailed, "HTTP 503"), (failure.Position, failure.Caption, failure.Reason, failure.Detail));
    }

    [Fact]
    public async Task An_album_sent_early_with_a_photo_that_failed_keeps_the_others_and_records_the_failed_one_in_its_place()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        await chat.Say("04/3");
        await chat.Say("tham gia 60, máu 40");
        if (!chat.LastText.Contains("Viết vài dòng tin", StringComparison.Ordinal)) await chat.Press("Bỏ qua hết");
        var replies = await chat.AlbumWithFailures(PhotoRejection.TooLarge, await H.NewPhotoAsync(), null, await H.NewPhotoAsync());
        var reply = Assert.Single(replies).Text;
        Assert.StartsWith("Ảnh thứ 2: Ảnh quá lớn.", reply);
        Assert.Contains(Core.Dialogs.RouterTexts.PhotosKept, reply);
        Assert.Contains("Viết vài dòng tin", reply);

        await chat.Say("Sáng 04/3, 60 đoàn viên hiến máu.");
        Assert.StartsWith(ReportTexts.EarlyPhotosAttached, chat.LastText);
        Assert.Contains("Đã nhận 2 ảnh.", chat.LastText);
        await chat.Press("Xong");
        await chat.Press("Không, xem lại và gửi");
        Assert.Contains("Ảnh: 2 (1 ảnh không lưu được: ảnh thứ 2", chat.LastText);
        await chat.Press("Gửi báo cáo");

        await using var db = H.Db();
        var activity = await db.ReportActivities.Include(a => a.Photos).Include(a => a.PhotoFailures)
            .SingleAsync(a => a.Report!.PeriodId == P.Week1Id && a.Report.UnitId == P.Units[3]);
        Assert.Equal(2, activity.Photos.Count);
        Assert.Equal((2, PhotoRejection.TooLarge), (Assert.Single(activity.PhotoFailures).Position, activity.PhotoFailures[0].Reason));
    }
}
