using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>The kick-off quick report (its own deadline) and the final report with totals and nominations.</summary>
public sealed class FinalAndQuickReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task Kick_off_quick_report_with_link_and_photos_before_its_own_deadline()
    {
        H.SetLocalTime(2024, 3, 3, 10, 30);
        var chat = await H.RegisteredAsync(P.Contacts[0][0], speaker: "Chị Lan (Bí thư)");
        await chat.Say("/baocao");
        Assert.Contains("Báo cáo nhanh Lễ ra quân (03/3), hạn 16g00 Chủ nhật 03/3.", chat.LastText);
        await chat.Say("Sáng 03/3, đơn vị tổ chức lễ ra quân Tháng Thanh niên với 200 đoàn viên tham gia.");
        await chat.Say("200");
        await chat.Say("chưa có link");
        Assert.StartsWith(YouthMonth.Core.Dialogs.Engine.EngineTexts.LinkRequired, chat.LastText);
        await chat.Say("Bài đăng: https://facebook.com/doanbvub/posts/2 và https://doanbvub.vn/ra-quan");
        await chat.Say("xong");
        Assert.StartsWith(Core.Dialogs.Reports.ReportTexts.NeedOnePhoto, chat.LastText);
        await chat.Album(await H.NewPhotoAsync(), await H.NewPhotoAsync());
        await chat.Press("Xong");
        Assert.Contains("Link: https://facebook.com/doanbvub/posts/2, https://doanbvub.vn/ra-quan", chat.LastText);
        await chat.Press("Gửi báo cáo");
        Assert.Equal("Đã gửi báo cáo Lễ ra quân. Cảm ơn bạn!", chat.LastText);

        var report = (await H.ReportAsync(P.KickOffId, P.Units[0]))!;
        Assert.False(report.IsLate);
        var activity = Assert.Single(report.Activities);
        Assert.Equal(("Lễ ra quân", 2, 2), (activity.Title, activity.Links.Count, activity.Photos.Count));
        Assert.Equal(200m, Assert.Single(report.Values).Value);

        Transcripts.Check("kick-off-report", "Báo cáo nhanh lễ ra quân (Telegram)",
            "Báo cáo nhanh có hạn riêng (16g00 ngày ra quân): tin ngắn, số người tham gia, link bài đăng và ảnh.", chat);
    }

    [Fact]
    public async Task Final_report_prefills_totals_from_weekly_reports_only_and_asks_the_assessment_and_nominations()
    {
        var unit = P.Units[1];
        await using (var db = H.Db())
        {
            db.Reports.AddRange(
                WeeklyReport(P.Week1Id, unit, (MetricCatalog.Participants, 1200m), ("trees", 20m)),
                WeeklyReport(P.Week2Id, unit, (MetricCatalog.Participants, 300m), ("gift_value", 2_300_000_000m)),
                // The kick-off's 120 participants are counted again in week 1: not added to the totals.
                WeeklyReport(P.KickOffId, unit, (MetricCatalog.Participants, 120m)));
            await db.SaveChangesAsync();
        }
        H.SetLocalTime(2024, 3, 20, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][0], speaker: "Anh Tâm (Bí thư)");
        await chat.Say("/baocao");
        Assert.Contains("cộng từ các báo cáo tuần của đơn vị (không tính báo cáo nhanh ra quân, cao điểm)", chat.LastText);
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.500 lượt", chat.LastText);
        Assert.Contains("• Trị giá quà: 2.300.000.000 đồng", chat.LastText);
        Assert.Contains("• Cây xanh: 20 cây", chat.LastText);
        await chat.Press("Sửa một số");
        await chat.Press("Cây xanh");
        await chat.Say("35");
        Assert.Contains("• Cây xanh: 35 cây", chat.LastText);
        await chat.Press("Đúng, giữ nguyên");
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        await chat.Say("Đơn vị tổ chức 6 hoạt động, nổi bật là ngày hội hiến máu và trồng cây xanh.");
        Assert.Contains("HẠN CHẾ", chat.LastText);
        await chat.Say("Một số chi đoàn báo cáo chậm.");
        Assert.StartsWith("Đề xuất khen thưởng TẬP THỂ: tên tập thể?", chat.LastText);
        await chat.Say("Chi đoàn Phòng Công nghệ thông tin");
        await chat.Say("Chi đoàn cơ sở Sở Thông tin và Truyền thông");
        await chat.Say("Tổ chức 3 hoạt động tình nguyện, trồng 35 cây xanh.");
        await chat.Say("Lê Thị Hoa");
        Assert.StartsWith("Chức vụ, đơn vị của cá nhân này?", chat.LastText);
        await chat.Say("Bí thư Chi đoàn Phòng Công nghệ thông tin");
        await chat.Say("Vận động 40 đoàn viên hiến máu.");
        Assert.Contains("Mặt được: Đơn vị tổ chức 6 hoạt động", chat.LastText);
        Assert.Contains("Hạn chế: Một số chi đoàn báo cáo chậm.", chat.LastText);
        Assert.Contains("Đề xuất cá nhân: Lê Thị Hoa (Bí thư Chi đoàn Phòng Công nghệ thông tin) — Vận động 40 đoàn viên hiến máu.", chat.LastText);
        await chat.Press("Gửi báo cáo");
        Assert.Equal("Đã gửi báo cáo tổng kết. Cảm ơn bạn!", chat.LastText);

        var report = (await H.ReportAsync(P.FinalId, unit))!;
        Assert.Equal(
            new Dictionary<string, decimal> { [MetricCatalog.Participants] = 1500m, ["trees"] = 35m, ["gift_value"] = 2_300_000_000m },
            report.Values.Where(v => v.ReportActivityId == null).ToDictionary(v => v.MetricCode, v => v.Value));
        Assert.StartsWith("Đơn vị tổ chức 6 hoạt động", report.Assessment);
        Assert.Equal("Một số chi đoàn báo cáo chậm.", report.Limitations);
        Assert.Equal(
            [(NominationKind.Collective, "Chi đoàn Phòng Công nghệ thông tin", "Chi đoàn cơ sở Sở Thông tin và Truyền thông"),
             (NominationKind.Individual, "Lê Thị Hoa", "Bí thư Chi đoàn Phòng Công nghệ thông tin")],
            report.Nominations.OrderBy(n => n.Kind).Select(n => (n.Kind, n.Name, n.Position)));
        await using var check = H.Db();
        Assert.Equal(1, await check.Reports.CountAsync(r => r.PeriodId == P.FinalId));

        Transcripts.Check("final-report", "Báo cáo tổng kết và đề xuất khen thưởng (Telegram)",
            "Số liệu cả đợt được cộng sẵn từ các báo cáo tuần (không tính báo cáo nhanh) để xác nhận hoặc sửa; rồi Mặt được, Hạn chế và các đề xuất khen thưởng kế hoạch yêu cầu.", chat);
    }

    [Fact]
    public async Task A_final_total_that_differs_from_the_weekly_sum_shows_that_sum_and_the_review_takes_it_on_one_tap()
    {
        var unit = P.Units[2];
        await using (var db = H.Db())
        {
            db.Reports.AddRange(
                WeeklyReport(P.Week1Id, unit, (MetricCatalog.Participants, 1000m), ("trees", 30m)),
                WeeklyReport(P.Week2Id, unit, (MetricCatalog.Participants, 234m)),
                WeeklyReport(P.KickOffId, unit, (MetricCatalog.Participants, 90m)));
            await db.SaveChangesAsync();
        }
        H.SetLocalTime(2024, 3, 21, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0], speaker: "Anh Minh (Bí thư)");
        await chat.Say("/baocao");
        // Prefilled with the weekly sums: equal, so nothing more is said.
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.234 lượt\n• Cây xanh: 30 cây\n", chat.LastText);
        Assert.DoesNotContain("tổng các tuần:", chat.LastText);

        await chat.Press("Sửa một số");
        await chat.Press("Lượt đoàn viên, thanh niên tham gia");
        await chat.Say("1200");
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.200 lượt (tổng các tuần: 1.234 — khác 34)\n• Cây xanh: 30 cây\n", chat.LastText);

        // Ten times the weekly sum is confirmed before it is recorded; a corrected number replaces it.
        await chat.Press("Sửa một số");
        await chat.Press("Cây xanh");
        await chat.Say("300");
        Assert.Equal("Bạn kiểm tra lại giúp:\n• Cây xanh: 300 cây — số này gấp 10 lần tổng các tuần (30 cây)."
            + "\nĐúng vậy không? Bấm \"Đúng, ghi số này\", hoặc gửi lại số đúng.", chat.LastText);
        await chat.Say("35");
        Assert.Contains("• Cây xanh: 35 cây (tổng các tuần: 30 — khác 5)", chat.LastText);
        await chat.Press("Sửa một số");
        await chat.Press("Cây xanh");
        await chat.Say("400");
        await chat.Press("Đúng, ghi số này");
        Assert.StartsWith("Đã ghi: 400 cây.", chat.LastText);
        Assert.Contains("• Cây xanh: 400 cây (tổng các tuần: 30 — khác 370)", chat.LastText);

        await chat.Press("Đúng, giữ nguyên");
        await chat.Say("Đơn vị tổ chức 4 hoạt động.");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.200 lượt (tổng các tuần: 1.234 — khác 34)", chat.LastText);
        Assert.Contains("Dùng tổng các tuần", Buttons(chat));

        await chat.Press("Dùng tổng các tuần");
        Assert.StartsWith("Đã lấy tổng các tuần:\n• Lượt đoàn viên, thanh niên tham gia: 1.234 lượt\n• Cây xanh: 30 cây", chat.LastText);
        Assert.DoesNotContain("— khác", chat.LastText);
        Assert.DoesNotContain("Dùng tổng các tuần", Buttons(chat));
        await chat.Press("Gửi báo cáo");

        var report = (await H.ReportAsync(P.FinalId, unit))!;
        Assert.Equal(new Dictionary<string, decimal> { [MetricCatalog.Participants] = 1234m, ["trees"] = 30m },
            report.Values.Where(v => v.ReportActivityId == null).ToDictionary(v => v.MetricCode, v => v.Value));
    }

    private static List<string> Buttons(ChatSession chat) => [.. (chat.Last?.Choices ?? []).SelectMany(r => r).Select(c => c.Label)];

    private static Report WeeklyReport(int periodId, int unitId, params (string Code, decimal Value)[] values)
    {
        var activity = new ReportActivity { Title = "Hoạt động tuần" };
        return new Report
        {
            PeriodId = periodId, UnitId = unitId, Status = ReportStatus.Submitted, CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
            Activities = [activity],
            Values = values.Select(v => new ReportMetricValue { MetricCode = v.Code, Value = v.Value, ReportActivity = activity }).ToList(),
        };
    }
}
