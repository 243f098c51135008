using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Issue 11 pt 6: a unit that never reported a metric is compared with the median of the other units' last reports
/// of it, and only once at least five units have one (a median of fewer says little).
/// </summary>
public sealed class MedianPlausibilityTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    private async Task AddUnitsWithKickOffReportsAsync(params decimal[] participants)
    {
        await using var db = H.Db();
        var organisation = (await db.Units.FindAsync(P.Units[0]))!.OrganisationId;
        foreach (var value in participants)
        {
            var unit = new Unit { OrganisationId = organisation, Name = $"Chi đoàn thử {value}" };
            var activity = new ReportActivity { Title = "Lễ ra quân" };
            db.Reports.Add(new Report
            {
                PeriodId = P.KickOffId, Unit = unit, Status = ReportStatus.Submitted, CreatedAt = H.Clock.GetUtcNow(),
                SubmittedAt = H.Clock.GetUtcNow(), Activities = [activity],
                Values = [new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = value, ReportActivity = activity }],
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task ReportKickOffAsync(ChatSession chat, string participants)
    {
        await chat.Say("/baocao");
        await chat.Say("Sáng 03/3, đơn vị ra quân Tháng Thanh niên.");
        await chat.Say(participants);
    }

    [Fact]
    public async Task A_unit_without_history_is_compared_with_the_other_units_median_once_five_have_reported()
    {
        H.SetLocalTime(2024, 3, 3, 10, 30);
        // Four other units: too few for a median, the number is recorded as typed.
        await AddUnitsWithKickOffReportsAsync(80, 100, 120, 150);
        var tam = await H.RegisteredAsync(P.Contacts[1][0]);
        await ReportKickOffAsync(tam, "1500");
        Assert.StartsWith("Đã ghi: 1.500 lượt.", tam.LastText);
        await tam.Say("https://facebook.com/doan/posts/3");
        await tam.Photo(await H.NewPhotoAsync());
        await tam.Press("Xong");
        await tam.Press("Gửi báo cáo");
        Assert.StartsWith("Đã gửi báo cáo Lễ ra quân", tam.LastText);

        // Six now (80, 100, 120, 150, 200 and unit B's 1.500): median 135, and 1.500 is 11 times it.
        await AddUnitsWithKickOffReportsAsync(200);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await ReportKickOffAsync(lan, "1500");
        Assert.StartsWith("Bạn kiểm tra lại giúp:\n• Lượt đoàn viên, thanh niên tham gia: 1.500 lượt — số này gấp 11 lần "
            + "mức thường thấy ở các đơn vị khác (135 lượt).", lan.LastText);
        await lan.Say("150");
        Assert.StartsWith("Đã ghi: 150 lượt.", lan.LastText);
        await lan.Say("/huy");
    }
}
