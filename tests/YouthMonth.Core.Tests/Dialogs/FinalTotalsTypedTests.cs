using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// The final report's "Các số này đúng chưa?" screen takes corrected totals typed right there, read and checked
/// as "Sửa một số" checks one; with no number yet it asks for numbers instead of asking about an empty list.
/// </summary>
public sealed class FinalTotalsTypedTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    private async Task<ChatSession> StartFinalAsync(int unitIndex)
    {
        H.SetLocalTime(2024, 3, 20, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[unitIndex][0]);
        await chat.Say("/baocao");
        if (chat.Last!.Choices.SelectMany(r => r).Any(c => c.Label == "Báo cáo kỳ này")) await chat.Press("Báo cáo kỳ này");
        return chat;
    }

    [Fact]
    public async Task Typed_totals_correct_those_numbers_and_the_screen_is_shown_again()
    {
        var unit = P.Units[0];
        await using (var db = H.Db())
        {
            var activity = new ReportActivity { Title = "Hoạt động tuần" };
            db.Reports.Add(new Report
            {
                PeriodId = P.Week1Id, UnitId = unit, Status = ReportStatus.Submitted, CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
                Activities = [activity],
                Values =
                [
                    new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = 1200, ReportActivity = activity },
                    new ReportMetricValue { MetricCode = "trees", Value = 20, ReportActivity = activity },
                ],
            });
            await db.SaveChangesAsync();
        }
        var chat = await StartFinalAsync(0);
        Assert.Contains("Các số này đúng chưa?", chat.LastText);

        await chat.Say("tham gia 5000, cây xanh 35");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: 5.000 lượt\n• Cây xanh: 35 cây\n\n" + FinalTexts.TotalsIntro, chat.LastText);
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 5.000 lượt (tổng các tuần: 1.200 — khác 3.800)\n• Cây xanh: 35 cây (tổng các tuần: 20 — khác 15)", chat.LastText);
        Assert.Contains("Các số này đúng chưa?", chat.LastText);

        // Ten times the weekly sum is confirmed first; a bare number then corrects the doubted one.
        await chat.Say("cây xanh 300");
        Assert.Equal("Bạn kiểm tra lại giúp:\n• Cây xanh: 300 cây — số này gấp 15 lần tổng các tuần (20 cây)."
            + "\nĐúng vậy không? Bấm \"Đúng, ghi số này\", hoặc gửi lại số đúng.", chat.LastText);
        await chat.Say("30");
        Assert.StartsWith("Đã ghi: 30 cây.", chat.LastText);
        Assert.Contains("• Cây xanh: 30 cây (tổng các tuần: 20 — khác 10)", chat.LastText);

        // Above the metric's cap: confirmed too, and "đúng" records it.
        await chat.Say("máu 6000");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Đơn vị máu: 6.000 đơn vị lớn hơn mức tối đa", chat.LastText);
        await chat.Say("đúng");
        Assert.Contains("• Đơn vị máu: 6.000 đơn vị", chat.LastText);

        // A number without a name is not guessed.
        await chat.Say("5000");
        Assert.StartsWith("Bạn ghi kèm tên số cần sửa, ví dụ: ", chat.LastText);
        Assert.Contains("Các số này đúng chưa?", chat.LastText);

        await chat.Press("Đúng, giữ nguyên");
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        await chat.Say("Đơn vị tổ chức 4 hoạt động.");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        await chat.Press("Gửi báo cáo");
        var report = (await H.ReportAsync(P.FinalId, unit))!;
        Assert.Equal(new Dictionary<string, decimal> { [MetricCatalog.Participants] = 5000m, ["trees"] = 30m, ["blood_units"] = 6000m },
            report.Values.Where(v => v.ReportActivityId == null).ToDictionary(v => v.MetricCode, v => v.Value));
    }

    [Fact]
    public async Task With_no_weekly_numbers_the_screen_asks_for_numbers_and_takes_them_typed()
    {
        var chat = await StartFinalAsync(2);
        Assert.Contains(FinalTexts.NoTotals, chat.LastText);
        Assert.DoesNotContain("Các số này đúng chưa?", chat.LastText);
        Assert.Contains(FinalTexts.NoTotalsOk, chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await chat.Say("tham gia 500");
        Assert.StartsWith("Đã ghi: 500 lượt.", chat.LastText);
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 500 lượt", chat.LastText);
        Assert.Contains("Các số này đúng chưa?", chat.LastText);
        await chat.Say("/huy");
    }
}

/// <summary>A final period with no metric to ask: no totals screen at all (its own database: the metrics are deleted).</summary>
public sealed class FinalWithoutMetricsTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    [Fact]
    public async Task With_no_metric_to_ask_the_totals_screen_is_skipped()
    {
        var h = fixture.Harness;
        await using (var db = h.Db())
            await db.Metrics.Where(m => m.CampaignId == h.Plan.CampaignId).ExecuteDeleteAsync();
        h.SetLocalTime(2024, 3, 20, 9, 0);
        var chat = await h.RegisteredAsync(h.Plan.Contacts[1][0]);
        await chat.Say("/baocao");
        if (chat.Last!.Choices.SelectMany(r => r).Any(c => c.Label == "Báo cáo kỳ này")) await chat.Press("Báo cáo kỳ này");
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        Assert.DoesNotContain(FinalTexts.TotalsIntro, chat.LastText);
        await chat.Say("Đơn vị tổ chức 2 hoạt động.");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        await chat.Press("Bỏ qua");
        Assert.DoesNotContain(FinalTexts.TotalsIntro, chat.LastText);
        await chat.Press("Sửa một mục");
        Assert.DoesNotContain(FinalTexts.FieldTotals, chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
    }
}
