using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Issue 11, points 4 and 6: a number above the metric's cap in the plan, or ten times the unit's last report, is
/// confirmed before it is recorded; never refused, never clamped. A corrected answer replaces it.
/// </summary>
public sealed class PlausibilityTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task A_number_above_the_cap_or_ten_times_last_week_is_confirmed_or_corrected_before_it_is_recorded()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await lan.Say("/baocao");
        await lan.Press("Có, báo cáo hoạt động");
        await lan.Press("Ngày hội hiến máu tình nguyện");
        await lan.Press("Hôm nay");
        await lan.Say("tham gia 120, máu 45000");
        Assert.Equal("Bạn kiểm tra lại giúp:\n• Đơn vị máu: 45.000 đơn vị lớn hơn mức tối đa kế hoạch đặt cho một báo cáo (5.000 đơn vị)."
            + "\nĐúng vậy không? Bấm \"Đúng, ghi số này\", hoặc gửi lại các số đúng.", lan.LastText);
        await lan.Say("tham gia 120, máu 45");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: 120 lượt\n• Đơn vị máu: 45 đơn vị", lan.LastText);
        await lan.Say("bỏ qua hết");
        await lan.Say("Hiến máu tại bệnh viện.");
        await lan.Photo(await H.NewPhotoAsync());
        await lan.Press("Không, xem lại và gửi");
        await lan.Press("Gửi báo cáo");
        Assert.StartsWith("Đã gửi báo cáo Tuần 1", lan.LastText);

        H.SetLocalTime(2024, 3, 12, 9, 0);
        await lan.Say("/baocao");
        await lan.Press("Có, báo cáo hoạt động");
        await lan.Press("Ngày hội hiến máu tình nguyện");
        await lan.Press("Hôm nay");
        await lan.Say("tham gia 1500, máu 50");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Lượt đoàn viên, thanh niên tham gia: 1.500 lượt — số này gấp 12 lần tuần 1 (120 lượt).",
            lan.LastText);
        await lan.Press("Đúng, ghi số này");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: 1.500 lượt\n• Đơn vị máu: 50 đơn vị", lan.LastText);
        // More than ten million is read, and confirmed by a typed "đúng" (Zalo has no buttons).
        await lan.Say("quà 20, trị giá 12 tỷ");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Trị giá quà: 12.000.000.000 đồng lớn hơn mức tối đa kế hoạch đặt cho một báo cáo (5.000.000.000 đồng).",
            lan.LastText);
        await lan.Say("đúng");
        Assert.StartsWith("Đã ghi:\n• Phần quà: 20 phần\n• Trị giá quà: 12.000.000.000 đồng", lan.LastText);
        await lan.Say("Hiến máu đợt 2.");
        await lan.Photo(await H.NewPhotoAsync());
        await lan.Press("Không, xem lại và gửi");
        await lan.Press("Gửi báo cáo");

        var report = (await H.ReportAsync(P.Week2Id, P.Units[0]))!;
        Assert.Equal(new Dictionary<string, decimal>
            {
                [MetricCatalog.Participants] = 1500m, ["blood_units"] = 50m, ["gifts"] = 20m, ["gift_value"] = 12_000_000_000m,
            },
            report.Values.ToDictionary(v => v.MetricCode, v => v.Value));
        Assert.Equal(5_000m, MetricCatalog.Defaults().Single(m => m.Code == "blood_units").Cap);
    }

    [Fact]
    public async Task The_quick_reports_participants_are_checked_against_the_cap_and_the_units_own_history()
    {
        // Above the cap (100.000 lượt): confirmed or corrected; a corrected number is recorded.
        H.SetLocalTime(2024, 3, 3, 10, 30);
        var tam = await H.RegisteredAsync(P.Contacts[1][0]);
        await tam.Say("/baocao");
        await tam.Say("Sáng 03/3, chi đoàn ra quân Tháng Thanh niên.");
        await tam.Say("150000");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Lượt đoàn viên, thanh niên tham gia: 150.000 lượt lớn hơn mức tối đa kế hoạch đặt cho một báo cáo",
            tam.LastText);
        await tam.Say("150");
        Assert.StartsWith("Đã ghi: 150 lượt.", tam.LastText);
        Assert.Contains("link bài đăng", tam.LastText);
        await tam.Say("/huy");

        // 12× the unit's last report (week 1): confirmed with "Đúng, ghi số này", then recorded as typed.
        int eventDay;
        await using (var db = H.Db())
        {
            var activity = new ReportActivity { Title = "Hoạt động tuần 1" };
            db.Reports.Add(new Report
            {
                PeriodId = P.Week1Id, UnitId = P.Units[2], Status = ReportStatus.Submitted, CreatedAt = H.Clock.GetUtcNow(),
                SubmittedAt = H.Clock.GetUtcNow(), Activities = [activity],
                Values = [new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = 100m, ReportActivity = activity }],
            });
            var period = new ReportingPeriod
            {
                CampaignId = P.CampaignId, Kind = PeriodKind.EventDay, Label = "Ngày Đoàn viên (26/3)",
                WindowStart = new DateOnly(2024, 3, 26), WindowEnd = new DateOnly(2024, 3, 26), DeadlineUtc = DialogHarness.Local(2024, 3, 26, 17, 0),
            };
            db.Periods.Add(period);
            await db.SaveChangesAsync();
            eventDay = period.Id;
        }
        H.SetLocalTime(2024, 3, 26, 11, 0);
        var hanh = await H.RegisteredAsync(P.Contacts[2][0]);
        await hanh.Say("/baocao ngày đoàn viên");
        await hanh.Say("Ngày Đoàn viên: kết nạp 5 đoàn viên mới.");
        await hanh.Say("1200");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Lượt đoàn viên, thanh niên tham gia: 1.200 lượt — số này gấp 12 lần tuần 1 (100 lượt).", hanh.LastText);
        await hanh.Press("Đúng, ghi số này");
        Assert.StartsWith("Đã ghi: 1.200 lượt.", hanh.LastText);
        await hanh.Say("https://facebook.com/doancdyt/posts/26");
        await hanh.Press("Không có ảnh");
        await hanh.Press("Gửi báo cáo");
        var report = (await H.ReportAsync(eventDay, P.Units[2]))!;
        Assert.Equal(1200m, Assert.Single(report.Values).Value);
    }
}
