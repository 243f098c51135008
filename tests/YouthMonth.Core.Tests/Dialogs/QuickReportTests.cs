using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;

using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Issue 11: the weekly report of docs/transcripts/weekly-report.md in few actions on Zalo (no buttons), and
/// several numbers in one message matched to the right metric, or asked about, never recorded under another.
/// </summary>
public sealed class QuickReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task The_weekly_report_takes_at_most_16_actions_on_Zalo_with_photos_sent_one_by_one()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var minh = await H.RegisteredAsync(P.Contacts[0][1], Channel.Zalo, "Anh Minh (Phó Bí thư)");
        await minh.Say("/baocao");
        await minh.Say("1");
        await minh.Say("1");
        await minh.Say("04/3");
        await minh.Say("tham gia 1200, quà 50 phần, trị giá 25tr, máu 45");
        await minh.Say("Sáng 04/3, 120 đoàn viên tham gia hiến máu tại hội trường bệnh viện.\nhttps://facebook.com/doanbvub/posts/1");
        await minh.Photo(await H.NewPhotoAsync());
        Assert.Contains("Đơn vị còn hoạt động nào khác", minh.LastText);
        await minh.Photo(await H.NewPhotoAsync());
        await minh.Photo(await H.NewPhotoAsync());
        Assert.StartsWith("Đã nhận thêm ảnh, hoạt động này có 3 ảnh.", minh.LastText);
        await minh.Say("2");
        await minh.Say("hôm qua");
        await minh.Say("80");
        await minh.Say("Hội thi tìm hiểu lịch sử Đoàn với 16 đội thi.");
        await minh.Photo(await H.NewPhotoAsync());
        await minh.Say("không");
        Assert.Contains("Xem lại báo cáo Tuần 1", minh.LastText);
        await minh.Say("1");
        Assert.Equal("Đã gửi báo cáo Tuần 1 (02/3–08/3). Cảm ơn bạn!", minh.LastText);
        Assert.Equal(16, minh.Actions);

        var report = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        var acts = report.Activities.OrderBy(a => a.SortOrder).ToList();
        Assert.Equal([3, 1], acts.Select(a => a.Photos.Count));
        Assert.Equal(["https://facebook.com/doanbvub/posts/1"], acts[0].Links);
        Assert.Equal(5, report.Values.Count); // 4 numbers of the blood drive, 1 of the quiz
        Transcripts.Check("weekly-report-zalo", "Báo cáo tuần (Zalo, trả lời bằng số)",
            "Anh Minh báo cáo cùng tuần 1 trên Zalo: không có nút, ảnh gửi từng tấm.", minh);
    }

    [Fact]
    public async Task A_number_with_another_metrics_unit_is_asked_about_never_recorded_under_the_wrong_metric()
    {
        H.SetLocalTime(2024, 3, 6, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        await chat.Press("Hôm nay");
        // Trees are not collected for a blood drive: refused with the reason, nothing recorded.
        await chat.Say("1.930 cây");
        Assert.StartsWith("\"1.930 cây\" là số cây xanh, hoạt động này không ghi số đó.", chat.LastText);
        // "45 đơn vị" has the blood units' unit: it goes there, not to participants.
        await chat.Say("45 đơn vị");
        Assert.StartsWith("Đã ghi:\n• Đơn vị máu: 45 đơn vị", chat.LastText);
        Assert.Contains("Có bao nhiêu lượt đoàn viên, thanh niên tham gia?", chat.LastText);
        // Two bare numbers cannot be told apart.
        await chat.Say("120, 30");
        Assert.StartsWith("Chưa rõ số \"30\" là số liệu nào.", chat.LastText);
        await chat.Say("120 người, quà 30");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: 120 lượt\n• Phần quà: 30 phần", chat.LastText);
        Assert.Contains("Trị giá quà (đơn vị tính: đồng)?", chat.LastText);
        await chat.Say("bỏ qua hết");
        Assert.Contains("Viết vài dòng tin", chat.LastText);
        await chat.Say("/huy");
    }

    [Fact]
    public async Task Fixing_one_number_from_the_review_leaves_every_other_number_as_it_was()
    {
        H.SetLocalTime(2024, 3, 12, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0]);
        await chat.Say("/baocao");
        Assert.Contains("Tuần 2", chat.LastText);
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        await chat.Press("Hôm nay");
        await chat.Say("tham gia 100, máu 30, quà 20, trị giá 2 triệu");
        await chat.Say("Hiến máu tại trường.");
        await chat.Photo(await H.NewPhotoAsync());
        await chat.Press("Không, xem lại và gửi");
        await chat.Press("Sửa một mục");
        await chat.Press("Các số liệu khác");
        Assert.StartsWith("Đơn vị máu: hiện là 30 đơn vị.", chat.LastText);
        await chat.Press("Bỏ qua");
        Assert.StartsWith("Phần quà: hiện là 20 phần.", chat.LastText);
        await chat.Say("25");
        Assert.Contains("Trị giá quà: hiện là 2.000.000 đồng.", chat.LastText);
        await chat.Press("Xoá số này");
        Assert.Contains("Đơn vị máu: 30 đơn vị\n", chat.LastText);
        Assert.Contains("Phần quà: 25 phần (đã sửa, trước: 20 phần)", chat.LastText);
        Assert.Contains("Trị giá quà: đã xoá (trước: 2.000.000 đồng)", chat.LastText);
        await chat.Press("Gửi báo cáo");

        var report = (await H.ReportAsync(P.Week2Id, P.Units[2]))!;
        Assert.Equal(new Dictionary<string, decimal> { [MetricCatalog.Participants] = 100m, ["blood_units"] = 30m, ["gifts"] = 25m },
            report.Values.ToDictionary(v => v.MetricCode, v => v.Value));
    }

    [Fact]
    public async Task An_estimate_is_recorded_as_typed_and_marked_in_the_review_the_database_the_summary_and_the_exports()
    {
        H.SetLocalTime(2024, 3, 12, 10, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][0]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Ngày hội hiến máu tình nguyện");
        await chat.Press("Hôm nay");
        await chat.Say("tham gia khoảng 200, máu hơn 40, quà 20");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: ≈ 200 lượt\n• Đơn vị máu: ≈ 40 đơn vị\n• Phần quà: 20 phần\n(≈: số ước lượng)",
            chat.LastText);
        await chat.Say("gần 3 triệu");
        Assert.StartsWith("Đã ghi: ≈ 3.000.000 đồng (số ước lượng).", chat.LastText);
        await chat.Say("Hiến máu tại trụ sở.");
        await chat.Photo(await H.NewPhotoAsync());
        await chat.Press("Không, xem lại và gửi");
        Assert.Contains("Lượt đoàn viên, thanh niên tham gia: ≈ 200 lượt\n", chat.LastText);
        Assert.Contains("Phần quà: 20 phần\n", chat.LastText);
        Assert.Contains("(≈: số ước lượng", chat.LastText);
        await chat.Press("Gửi báo cáo");

        var report = (await H.ReportAsync(P.Week2Id, P.Units[1]))!;
        Assert.Equal(["blood_units", "gift_value", MetricCatalog.Participants],
            report.Values.Where(v => v.Approximate).Select(v => v.MetricCode).Order(StringComparer.Ordinal));
        Assert.Equal(200m, report.Values.Single(v => v.MetricCode == MetricCatalog.Participants).Value);

        // Typed again exactly, the mark goes.
        await chat.Say("/sua");
        await chat.Press("Sửa một mục");
        await chat.Press("Số lượt tham gia");
        await chat.Say("210");
        Assert.Contains("Lượt đoàn viên, thanh niên tham gia: 210 lượt (đã sửa, trước: ≈ 200 lượt)", chat.LastText);
        await chat.Press("Gửi báo cáo");
        report = (await H.ReportAsync(P.Week2Id, P.Units[1]))!;
        Assert.False(report.Values.Single(v => v.MetricCode == MetricCatalog.Participants).Approximate);
        Assert.True(report.Values.Single(v => v.MetricCode == "blood_units").Approximate);

        await using var db = H.Db();
        var summary = (await Core.Summaries.SummaryQuery.ComputeAsync(db, P.CampaignId, P.Week2Id, H.Clock.GetUtcNow()))!;
        Assert.True(summary.Totals.Single(t => t.Code == "blood_units").Approximate);
        Assert.Contains("• Đơn vị máu: ≈ ", Core.Summaries.SummaryText.Render(summary));
        Assert.Contains(Core.Summaries.SummaryTexts.ApproximateNote, Core.Summaries.SummaryText.Render(summary));
        var units = await Core.Summaries.UnitNumbersQuery.ReadAsync(db, summary);
        Assert.Contains("blood_units", units.Single(u => u.UnitId == P.Units[1]).Approximate);
        var csv = System.Text.Encoding.UTF8.GetString(Core.Summaries.UnitNumbersSheet.Csv(summary, units)).Split("\r\n");
        Assert.EndsWith(",Số ước lượng,Tổng các tuần", csv[0]);
        Assert.EndsWith(",Trị giá quà; Đơn vị máu,", csv.Single(l => l.Contains(P.UnitNames[1], StringComparison.Ordinal)));
    }
}
