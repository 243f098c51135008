using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// An event day (Ngày Đoàn viên) reported right after it, with its own deadline: news, participants, links and photos,
/// as seed 003 asks ("link + ảnh"). Its own fixture: the extra period must not change the other dialog tests' plan.
/// </summary>
public sealed class EventDayReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task Event_day_report_with_links_and_photos_before_its_own_deadline()
    {
        int eventDayId;
        await using (var db = H.Db())
        {
            var period = new ReportingPeriod
            {
                CampaignId = P.CampaignId, Kind = PeriodKind.EventDay, Label = "Ngày Đoàn viên (26/3)",
                WindowStart = new DateOnly(2024, 3, 26), WindowEnd = new DateOnly(2024, 3, 26),
                DeadlineUtc = DialogHarness.Local(2024, 3, 26, 17, 0), PhotosRequired = true,
            };
            db.Periods.Add(period);
            await db.SaveChangesAsync();
            eventDayId = period.Id;
        }
        H.SetLocalTime(2024, 3, 26, 11, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0], speaker: "Anh Minh (Bí thư)");
        await chat.Say("/baocao ngày đoàn viên");
        Assert.Contains("Ngày Đoàn viên (26/3)", chat.LastText);
        await chat.Say("Sáng 26/3, chi đoàn tổ chức Ngày Đoàn viên: kết nạp 5 đoàn viên mới, dọn vệ sinh khuôn viên bệnh viện.");
        await chat.Say("85");
        await chat.Say("https://www.facebook.com/chidoan3/posts/26");
        await chat.Say("xong");
        await chat.Album(await H.NewPhotoAsync(), await H.NewPhotoAsync());
        await chat.Press("Xong");
        Assert.Contains("Link: https://www.facebook.com/chidoan3/posts/26", chat.LastText);
        await chat.Press("Gửi báo cáo");
        Assert.Equal("Đã gửi báo cáo Ngày Đoàn viên (26/3). Cảm ơn bạn!", chat.LastText);

        var report = (await H.ReportAsync(eventDayId, P.Units[2]))!;
        Assert.False(report.IsLate);
        var activity = Assert.Single(report.Activities);
        Assert.Equal(("Ngày Đoàn viên (26/3)", new DateOnly(2024, 3, 26), 1, 2),
            (activity.Title, activity.Date, activity.Links.Count, activity.Photos.Count));
        Assert.Equal(85m, Assert.Single(report.Values).Value);

        Transcripts.Check("event-day-report", "Báo cáo nhanh Ngày Đoàn viên (Telegram)",
            "Một ngày cao điểm có hạn riêng (17g00 cùng ngày), chọn bằng tên sau /baocao: tin ngắn, số người tham gia, link bài đăng và ảnh.", chat);
    }
}
