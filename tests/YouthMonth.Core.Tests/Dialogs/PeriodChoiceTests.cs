using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>/baocao reaches every begun period (named or picked, overdue ones filed late); a final period asks what the plan says.</summary>
public sealed class PeriodChoiceTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task Baocao_offers_every_begun_unsent_period_with_overdue_ones_marked_and_files_them_late()
    {
        H.SetLocalTime(2024, 3, 12, 10, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0]);
        await chat.Say("/baocao");
        Assert.Contains("Tuần 2 (09/3–15/3)", chat.LastText);
        await chat.Press("Chọn kỳ khác");
        Assert.Equal(
            ["Lễ ra quân (03/3), hạn 16g00 Chủ nhật 03/3 — quá hạn, chưa gửi",
             "Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3 — quá hạn, chưa gửi",
             "Tuần 2 (09/3–15/3), hạn 11g00 thứ Sáu 15/3",
             "Báo cáo tổng kết (01/3–31/3), hạn 11g00 thứ Ba 26/3"],
            chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await chat.Press("Lễ ra quân (03/3), hạn 16g00 Chủ nhật 03/3 — quá hạn, chưa gửi");
        Assert.Contains("Kỳ này đã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn.", chat.LastText);
        await chat.Say("/huy");

        // Once this week is sent, the other periods are still offered beside "Sửa báo cáo này".
        await chat.Say("/baocao");
        await chat.Press("Tuần này đơn vị không có hoạt động");
        await chat.Say("/baocao");
        Assert.Contains("Đơn vị đã gửi báo cáo Tuần 2 (09/3–15/3)", chat.LastText);
        await chat.Press("Chọn kỳ khác");
        Assert.Contains("Tuần 2 (09/3–15/3), hạn 11g00 thứ Sáu 15/3 — đã gửi, còn sửa được", chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await chat.Press("Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3 — quá hạn, chưa gửi");
        await chat.Press("Tuần này đơn vị không có hoạt động");
        Assert.Equal("Đã ghi nhận: Tuần 1 (02/3–08/3) đơn vị không có hoạt động. Báo cáo được ghi nhận là nộp muộn. Cảm ơn bạn!", chat.LastText);
        Assert.True((await H.ReportAsync(P.Week1Id, P.Units[2]))!.IsLate);
        Assert.False((await H.ReportAsync(P.Week2Id, P.Units[2]))!.IsLate);
    }

    [Fact]
    public async Task Baocao_takes_the_period_name_as_argument_with_or_without_diacritics()
    {
        H.SetLocalTime(2024, 3, 12, 10, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0]);
        await chat.Say("/baocao tuần 9");
        Assert.StartsWith("Không có kỳ báo cáo \"tuần 9\". Các kỳ của đợt này: lễ ra quân, tuần 1, tuần 2, báo cáo tổng kết.", chat.LastText);
        await chat.Say("/baocao tuan 1");
        Assert.StartsWith("Báo cáo Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3.\nKỳ này đã quá hạn", chat.LastText);
        await chat.Say("/huy");
        await chat.Say("/baocao khởi động");
        Assert.StartsWith("Báo cáo nhanh Lễ ra quân (03/3), hạn 16g00 Chủ nhật 03/3.\nKỳ này đã quá hạn", chat.LastText);
        await chat.Say("/huy");
        await chat.Say("/baocao TONG KET");
        Assert.Contains("Báo cáo tổng kết (01/3–31/3), hạn 11g00 thứ Ba 26/3.", chat.LastText);
        Assert.Contains("Số liệu cả đợt", chat.LastText);
    }

    [Fact]
    public async Task A_final_period_asks_only_what_the_plan_says_and_optional_steps_take_bo_qua()
    {
        await using (var db = H.Db())
        {
            var final = await db.Periods.SingleAsync(p => p.Id == P.FinalId);
            final.Questions = new PeriodQuestions
            {
                Assessment = true, NominationsPerKind = 2, NominationKinds = [NominationKind.Individual],
                NominationFields = [NominationField.Name, NominationField.Achievement], Metrics = [],
            };
            await db.SaveChangesAsync();
        }
        H.SetLocalTime(2024, 3, 25, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][0]);
        await chat.Say("/baocao tổng kết");
        Assert.DoesNotContain("Số liệu cả đợt", chat.LastText);
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        await chat.Say("Tổ chức ngày hội hiến máu với 60 đơn vị máu.");
        await chat.Say("bỏ qua");
        Assert.StartsWith("Đề xuất khen thưởng CÁ NHÂN (1/2): họ và tên?", chat.LastText);
        await chat.Say("Nguyễn Văn An");
        Assert.StartsWith("Thành tích của cá nhân này", chat.LastText);
        await chat.Say("Vận động 40 đoàn viên hiến máu.");
        Assert.StartsWith("Đề xuất khen thưởng CÁ NHÂN (2/2)", chat.LastText);
        await chat.Say("Bỏ qua");
        Assert.Contains("Hạn chế: (không có)", chat.LastText);
        Assert.Contains("Đề xuất cá nhân: Nguyễn Văn An — Vận động 40 đoàn viên hiến máu.", chat.LastText);
        Assert.DoesNotContain("tập thể", chat.LastText);
        await chat.Press("Gửi báo cáo");
        var report = (await H.ReportAsync(P.FinalId, P.Units[0]))!;
        Assert.Null(report.Limitations);
        Assert.Equal(["Nguyễn Văn An"], report.Nominations.Select(n => n.Name));
        Assert.Empty(report.Values);

        // Tân Phú's "Báo cáo số liệu trực tuyến": numbers only, no assessment, no nominee ("bỏ qua" is never a name).
        await using (var db = H.Db())
        {
            var final = await db.Periods.SingleAsync(p => p.Id == P.FinalId);
            final.Questions = new PeriodQuestions { Metrics = [MetricCatalog.Participants] };
            await db.SaveChangesAsync();
        }
        var other = await H.RegisteredAsync(P.Contacts[1][0]);
        await other.Say("/baocao tong ket");
        Assert.Contains("(chưa có số liệu nào từ các báo cáo tuần)", other.LastText);
        await other.Press("Sửa một số");
        Assert.Equal(["Lượt đoàn viên, thanh niên tham gia", "Xong, quay lại"], other.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await other.Press("Lượt đoàn viên, thanh niên tham gia");
        await other.Say("800");
        await other.Press("Đúng, giữ nguyên");
        Assert.DoesNotContain("Mặt được", other.LastText);
        Assert.DoesNotContain("Đề xuất", other.LastText);
        await other.Press("Gửi báo cáo");
        var numbersOnly = (await H.ReportAsync(P.FinalId, P.Units[1]))!;
        Assert.Empty(numbersOnly.Nominations);
        Assert.Equal(800m, Assert.Single(numbersOnly.Values).Value);
    }
}
