using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>Weekly reports end to end: units A–D of the test plan each have their own test.</summary>
public sealed class WeeklyReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task Weekly_report_with_two_activities_numbers_and_an_album()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0], speaker: "Chị Lan (Bí thư)");
        var photos = new[] { await H.NewPhotoAsync(), await H.NewPhotoAsync(), await H.NewPhotoAsync(), await H.NewPhotoAsync() };

        await lan.Say("/baocao");
        Assert.Contains("Báo cáo Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3", lan.LastText);
        await lan.Press("Có, báo cáo hoạt động");
        var labels = lan.Last!.Choices.SelectMany(r => r).Select(c => c.Label).ToList();
        Assert.Equal(["Ngày hội hiến máu tình nguyện", "Hội thi tìm hiểu lịch sử Đoàn", "Hoạt động khác"], labels);
        await lan.Press("Ngày hội hiến máu tình nguyện");
        await lan.Say("04/3");
        // One question for the activity's own numbers (a blood drive: blood units and gifts, not trees), one message for all.
        Assert.Contains("• Đơn vị máu (đơn vị)", lan.LastText);
        Assert.DoesNotContain("Cây xanh", lan.LastText);
        await lan.Say("tham gia 1200, quà 50 phần, trị giá 25tr, máu 45");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: 1.200 lượt\n• Phần quà: 50 phần\n• Trị giá quà: 25.000.000 đồng\n• Đơn vị máu: 45 đơn vị", lan.LastText);
        Assert.Contains("Viết vài dòng tin", lan.LastText);
        await lan.Say("Sáng 04/3, 120 đoàn viên tham gia hiến máu tại hội trường bệnh viện, thu được 45 đơn vị máu.\nhttps://facebook.com/doanbvub/posts/1");
        var albumReplies = await lan.Album(photos[0], photos[1], photos[2]);
        Assert.StartsWith("Đã nhận 3 ảnh.\n\nĐơn vị còn hoạt động nào khác", Assert.Single(albumReplies).Text);
        await lan.Say("hoi thi tim hieu lich su doan");
        await lan.Say("hôm qua");
        Assert.Contains("Có bao nhiêu lượt đoàn viên, thanh niên tham gia?", lan.LastText); // no category metric for tuyên truyền
        await lan.Say("80");
        Assert.Contains("Viết vài dòng tin", lan.LastText);
        await lan.Say("Hội thi tìm hiểu lịch sử Đoàn với 16 đội thi.");
        await lan.Photo(photos[3]);
        await lan.Press("Không, xem lại và gửi");
        Assert.Contains("1. Ngày hội hiến máu tình nguyện — 04/3/2024", lan.LastText);
        Assert.Contains("Trị giá quà: 25.000.000 đồng", lan.LastText);
        Assert.Contains("2. Hội thi tìm hiểu lịch sử Đoàn — 04/3/2024", lan.LastText);
        await lan.Press("Gửi báo cáo");
        Assert.Equal("Đã gửi báo cáo Tuần 1 (02/3–08/3). Cảm ơn bạn!", lan.LastText);
        Assert.Equal(14, lan.Actions); // issue 11: at most 14 on Telegram (27 before)

        var report = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        Assert.Equal((ReportStatus.Submitted, false, P.Contacts[0][0]), (report.Status, report.IsLate, report.SubmittedByContactId));
        var acts = report.Activities.OrderBy(a => a.SortOrder).ToList();
        Assert.Equal([P.BloodDriveId, P.QuizId], acts.Select(a => a.ActivityId ?? 0));
        Assert.Equal([3, 1], acts.Select(a => a.Photos.Count));
        Assert.Equal(["https://facebook.com/doanbvub/posts/1"], acts[0].Links);
        Assert.Equal(new DateOnly(2024, 3, 4), acts[1].Date);
        var values = report.Values.ToDictionary(v => (v.ReportActivityId, v.MetricCode), v => v.Value);
        Assert.Equal(5, values.Count);
        Assert.Equal(1200m, values[(acts[0].Id, MetricCatalog.Participants)]);
        Assert.Equal(50m, values[(acts[0].Id, "gifts")]);
        Assert.Equal("Sáng 04/3, 120 đoàn viên tham gia hiến máu tại hội trường bệnh viện, thu được 45 đơn vị máu.", acts[0].NewsText);
        Assert.Equal(25_000_000m, values[(acts[0].Id, "gift_value")]);
        Assert.Equal(45m, values[(acts[0].Id, "blood_units")]);
        Assert.Equal(80m, values[(acts[1].Id, MetricCatalog.Participants)]);
        await using var db = H.Db();
        Assert.Equal(1, await db.ReportAudits.CountAsync(a => a.ReportId == report.Id));

        Transcripts.Check("weekly-report", "Báo cáo tuần (Telegram, nút bấm)",
            "Chị Lan, Bí thư một Đoàn cơ sở, báo cáo tuần 1 với hai hoạt động, số liệu và một album ảnh.", lan);
    }

    [Fact]
    public async Task No_activity_is_a_one_step_report_on_Zalo_with_numbered_answers()
    {
        H.SetLocalTime(2024, 3, 7, 20, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][0], Core.Messaging.Channel.Zalo, "Anh Tâm (Bí thư)");
        await chat.Say("/baocao");
        Assert.Contains("Trả lời bằng số", Core.Messaging.ChoiceAnswers.RenderNumbered(chat.LastText, chat.Last!.Choices));
        await chat.Say("2");
        Assert.Equal("Đã ghi nhận: Tuần 1 (02/3–08/3) đơn vị không có hoạt động. Cảm ơn bạn!", chat.LastText);
        var report = (await H.ReportAsync(P.Week1Id, P.Units[1]))!;
        Assert.Equal((ReportStatus.NoActivity, false), (report.Status, report.IsLate));
        Assert.Empty(report.Activities);

        Transcripts.Check("no-activity", "Tuần này đơn vị không có hoạt động (Zalo, trả lời bằng số)",
            "Trên Zalo các lựa chọn là danh sách đánh số; trả lời \"2\" là một báo cáo hoàn chỉnh, tính là đúng hạn.", chat);
    }

    [Fact]
    public async Task A_second_contact_edits_the_same_report_before_the_deadline_and_nothing_is_counted_twice()
    {
        H.SetLocalTime(2024, 3, 6, 10, 0);
        var first = await H.RegisteredAsync(P.Contacts[2][0], speaker: "Chị Hạnh (Bí thư)");
        var photo = await H.NewPhotoAsync();
        await first.Say("/baocao");
        await first.Press("Có, báo cáo hoạt động");
        await first.Press("Hoạt động khác");
        await first.Say("Ra quân dọn vệ sinh kênh rạch");
        await first.Press("Hoạt động khác");
        await first.Press("Hôm nay");
        await first.Say("150");
        await first.Say("Dọn vệ sinh 2 km kênh rạch.");
        await first.Photo(photo);
        await first.Press("Không, xem lại và gửi");
        await first.Press("Gửi báo cáo");

        H.SetLocalTime(2024, 3, 7, 15, 0);
        var second = await H.RegisteredAsync(P.Contacts[2][1], speaker: "Anh Phúc (Phó Bí thư)");
        await second.Say("/baocao");
        Assert.Contains("Đơn vị đã gửi báo cáo Tuần 1 (02/3–08/3) (Võ Thị Hạnh gửi) lúc 10g00 ngày 06/3/2024", second.LastText);
        await second.Press("Sửa báo cáo này");
        Assert.Contains("Lượt đoàn viên, thanh niên tham gia: 150 lượt", second.LastText);
        await second.Press("Sửa một mục");
        await second.Press("Số lượt tham gia");
        await second.Say("-5");
        Assert.Contains("Số lượt tham gia", second.LastText.Split('\n')[^1] + "Số lượt tham gia"); // re-asked
        await second.Say("180");
        Assert.Contains("Lượt đoàn viên, thanh niên tham gia: 180 lượt", second.LastText);
        await second.Press("Gửi báo cáo");
        Assert.Equal("Đã cập nhật báo cáo Tuần 1 (02/3–08/3). Cảm ơn bạn!", second.LastText);

        var report = (await H.ReportAsync(P.Week1Id, P.Units[2]))!;
        var participants = Assert.Single(report.Values, v => v.MetricCode == MetricCatalog.Participants);
        Assert.Equal(180m, participants.Value);
        Assert.Single(report.Activities);
        Assert.Equal((P.Contacts[2][1], false), (report.SubmittedByContactId, report.IsLate));
        await using (var db = H.Db())
        {
            Assert.Equal(1, await db.Reports.CountAsync(r => r.UnitId == P.Units[2]));
            Assert.Equal(["Gửi báo cáo", "Sửa báo cáo"], await db.ReportAudits.Where(a => a.ReportId == report.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        }

        H.SetLocalTime(2024, 3, 8, 11, 1);
        await second.Say("/sua");
        Assert.Equal("Báo cáo Tuần 1 (02/3–08/3) đã gửi và đã quá hạn (11g00 thứ Sáu 08/3) nên không sửa được nữa. Nếu cần sửa, bạn liên hệ văn phòng Đoàn.", second.LastText);

        Transcripts.Check("edit-by-second-contact", "Người thứ hai của đơn vị sửa báo cáo trước hạn",
            "Anh Phúc (Phó Bí thư) sửa báo cáo tuần 1 chị Hạnh đã gửi: vẫn là một báo cáo, số liệu thay thế, không cộng dồn. Sau hạn thì không sửa được nữa.", first, second);
    }

    [Fact]
    public async Task A_report_after_the_deadline_is_accepted_and_marked_late_and_status_shows_only_the_own_unit()
    {
        H.SetLocalTime(2024, 3, 9, 10, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0]);
        await chat.Say("/baocao");
        Assert.Contains("Tuần 2 (09/3–15/3)", chat.LastText);
        await chat.Press("Chọn kỳ khác");
        await chat.Press("Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3 — quá hạn, chưa gửi");
        Assert.Contains("đã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn", chat.LastText);
        await chat.Press("Tuần này đơn vị không có hoạt động");
        Assert.Equal("Đã ghi nhận: Tuần 1 (02/3–08/3) đơn vị không có hoạt động. Báo cáo được ghi nhận là nộp muộn. Cảm ơn bạn!", chat.LastText);
        var report = (await H.ReportAsync(P.Week1Id, P.Units[3]))!;
        Assert.True(report.IsLate);

        await chat.Say("/trangthai");
        Assert.Equal(
            "Tình hình báo cáo của Chi đoàn cơ sở Sở Tư pháp — Tháng Thanh niên 2024:\n" +
            "• Lễ ra quân: quá hạn, chưa gửi\n" +
            "• Tuần 1 (02/3–08/3): đã gửi 10g00 09/3 (nộp muộn, không có hoạt động)\n" +
            "• Tuần 2 (09/3–15/3): chưa gửi — hạn 11g00 thứ Sáu 15/3\n" +
            "• Báo cáo tổng kết: chưa gửi — hạn 11g00 thứ Ba 26/3\n\n" +
            "Gõ /baocao để báo cáo, /sua để sửa báo cáo còn trong hạn.", chat.LastText);
        Assert.DoesNotContain(P.UnitNames[0], chat.Transcript);
    }
}
