using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// The office returns a report after the deadline with a reason: the unit may fix it with /sua although the
/// deadline has passed, sees the reason, and the fixed report goes back to the review queue (still on time).
/// </summary>
public sealed class ReturnedReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task A_returned_report_can_be_fixed_after_the_deadline_and_is_reviewed_again()
    {
        H.SetLocalTime(2024, 3, 7, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][0]);
        await chat.Say("/baocao");
        await chat.Press("Tuần này đơn vị không có hoạt động");
        var report = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;

        // Before the office looks at it, the deadline passes: an edit is refused.
        H.SetLocalTime(2024, 3, 9, 8, 0);
        await chat.Say("/sua");
        Assert.Contains("đã quá hạn", chat.LastText);

        await using (var db = H.Db())
        {
            var outcome = await ReportReview.ReviewAsync(db, report.Id, ReviewDecision.Returned,
                "Đơn vị có tổ chức hiến máu ngày 06/3, đề nghị báo cáo bổ sung.", "admin:test", H.Clock.Now);
            Assert.False(outcome.Errors.Any);
        }

        await chat.Say("/sua");
        Assert.Contains("Văn phòng Đoàn đã trả lại báo cáo Tuần 1 (02/3–08/3) để bổ sung: Đơn vị có tổ chức hiến máu ngày 06/3", chat.LastText);
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        await chat.Say("06/3");
        await chat.Say("90");
        await chat.Press("Bỏ qua hết");
        await chat.Say("Hiến máu tại hội trường, 90 lượt tham gia.");
        await chat.Photo(await H.NewPhotoAsync());
        await chat.Press("Không, xem lại và gửi");
        await chat.Press("Gửi báo cáo");
        Assert.StartsWith("Đã cập nhật báo cáo Tuần 1 (02/3–08/3).", chat.LastText);

        var fixedReport = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        Assert.Equal((ReportStatus.Submitted, false, ReviewStatus.Pending, null),
            (fixedReport.Status, fixedReport.IsLate, fixedReport.Review, fixedReport.ReviewReason));
        Assert.Equal(90m, Assert.Single(fixedReport.Values, v => v.MetricCode == Core.Plan.MetricCatalog.Participants).Value);
        await using (var db = H.Db())
        {
            var actions = await db.ReportAudits.Where(a => a.ReportId == report.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(3, actions.Count);
            Assert.Equal("Gửi: không có hoạt động", actions[0]);
            Assert.StartsWith("Trả lại báo cáo: Đơn vị có tổ chức hiến máu", actions[1]);
            Assert.Equal("Sửa báo cáo", actions[2]);
        }

        // Fixed and back in review: no more edits after the deadline until the office returns it again.
        await chat.Say("/sua");
        Assert.Contains("đã quá hạn", chat.LastText);
    }
}
