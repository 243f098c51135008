using YouthMonth.Core;
using YouthMonth.Core.Plan;

namespace YouthMonth.Testing;

/// <summary>
/// A small Tháng Thanh niên 2024 plan (Cần Thơ style: weeks Saturday–Friday due Friday 11g00, a kick-off on
/// 03/3, the final report due 26/3) with four units, so the tests of one class can share one database.
/// Contacts and phone numbers are fictitious.
/// </summary>
public sealed class TestPlan
{
    public int CampaignId { get; private set; }
    public int KickOffId { get; private set; }
    public int Week1Id { get; private set; }
    public int Week2Id { get; private set; }
    public int FinalId { get; private set; }
    public int BloodDriveId { get; private set; }
    public int QuizId { get; private set; }
    public int ForumId { get; private set; }
    public int LeaderChatId { get; private set; }
    /// <summary>Units A–D with two contacts each ([unit][0] and [unit][1]).</summary>
    public int[] Units { get; private set; } = [];
    public int[][] Contacts { get; private set; } = [];
    public string[] UnitNames { get; } =
        ["Đoàn cơ sở Bệnh viện Ung bướu", "Chi đoàn cơ sở Sở Thông tin và Truyền thông", "Đoàn cơ sở Trường Cao đẳng Y tế", "Chi đoàn cơ sở Sở Tư pháp"];

    /// <summary>Fictitious people: [unit][0] is the Bí thư, [unit][1] the Phó Bí thư.</summary>
    public static readonly string[][] ContactNames =
        [["Nguyễn Thị Lan", "Trần Văn Minh"], ["Lê Văn Tâm", "Phạm Thị Thu"], ["Võ Thị Hạnh", "Đặng Văn Phúc"], ["Huỳnh Thị Mai", "Bùi Văn Khoa"]];

    public static async Task<TestPlan> SeedAsync(TestDatabase database)
    {
        var p = new TestPlan();
        await using var db = database.CreateDbContext();
        var org = new Organisation { Name = "Đoàn Khối Thử nghiệm", Place = "Cần Thơ" };
        var units = p.UnitNames.Select((n, i) => new Unit
        {
            Name = n, Organisation = org,
            Contacts =
            [
                new Contact { Name = ContactNames[i][0], Phone = $"0900 000 {i + 1}01", Role = "Bí thư" },
                new Contact { Name = ContactNames[i][1], Phone = $"0900.000.{i + 1}02", Role = "Phó Bí thư" },
            ],
        }).ToList();
        var campaign = new Campaign
        {
            Organisation = org, Name = "Tháng Thanh niên 2024", StartDate = new DateOnly(2024, 3, 1), EndDate = new DateOnly(2024, 3, 31),
            Status = CampaignStatus.Active, Metrics = [.. MetricCatalog.Defaults()],
        };
        var kickOff = Period(campaign, PeriodKind.KickOff, null, "Lễ ra quân", (2024, 3, 3), (2024, 3, 3), Local(2024, 3, 3, 16, 0));
        var week1 = Period(campaign, PeriodKind.Weekly, 1, "Tuần 1 (02/3–08/3)", (2024, 3, 2), (2024, 3, 8), Local(2024, 3, 8, 11, 0));
        var week2 = Period(campaign, PeriodKind.Weekly, 2, "Tuần 2 (09/3–15/3)", (2024, 3, 9), (2024, 3, 15), Local(2024, 3, 15, 11, 0));
        var final = Period(campaign, PeriodKind.Final, null, "Báo cáo tổng kết", (2024, 3, 1), (2024, 3, 31), Local(2024, 3, 26, 11, 0));
        var blood = new Activity
        {
            Campaign = campaign, Title = "Ngày hội hiến máu tình nguyện", Category = ActivityCategories.SocialWelfare,
            MetricCodes = ["blood_units", "gifts", "gift_value"],
            Level = ActivityLevel.Grassroots, TimeKind = ActivityTimeKind.Month, Dates = [new(2024, 3, 1), new(2024, 3, 31)], SortOrder = 1,
        };
        var quiz = new Activity
        {
            Campaign = campaign, Title = "Hội thi tìm hiểu lịch sử Đoàn", Category = ActivityCategories.Propaganda,
            Level = ActivityLevel.Organiser, TimeKind = ActivityTimeKind.Day, Dates = [new(2024, 3, 7)], SortOrder = 2, ResponsibleUnits = [units[0]],
        };
        var forum = new Activity
        {
            Campaign = campaign, Title = "Diễn đàn thanh niên với chuyển đổi số", Category = ActivityCategories.Creativity,
            Level = ActivityLevel.Organiser, TimeKind = ActivityTimeKind.Day, Dates = [new(2024, 3, 6)], SortOrder = 3, ResponsibleUnits = [units[1]],
        };
        var leaders = new LeaderChat { Organisation = org, Name = "BTV Đoàn Khối" };
        db.AddRange(org, campaign, blood, quiz, forum, leaders);
        db.Units.AddRange(units);
        await db.SaveChangesAsync();

        var now = Local(2024, 3, 1, 8, 0);
        db.InviteCodes.AddRange(
            new InviteCode { Code = "LanCode2345", ContactId = units[0].Contacts[0].Id, CreatedAt = now, ExpiresAt = Local(2024, 4, 1, 0, 0) },
            new InviteCode { Code = "UsedCode234", ContactId = units[0].Contacts[1].Id, CreatedAt = now, ExpiresAt = Local(2024, 4, 1, 0, 0), UsedAt = now },
            new InviteCode { Code = "OldCode2345", ContactId = units[0].Contacts[1].Id, CreatedAt = now, ExpiresAt = Local(2024, 3, 2, 0, 0) },
            new InviteCode { Code = "ZaloCode234", ContactId = units[1].Contacts[0].Id, CreatedAt = now, ExpiresAt = Local(2024, 4, 1, 0, 0) },
            new InviteCode { Code = "SpareCode23", ContactId = units[2].Contacts[0].Id, CreatedAt = now, ExpiresAt = Local(2024, 4, 1, 0, 0) },
            new InviteCode { Code = "LeadCode234", LeaderChatId = leaders.Id, CreatedAt = now, ExpiresAt = Local(2024, 4, 1, 0, 0) });
        await db.SaveChangesAsync();

        p.CampaignId = campaign.Id;
        (p.KickOffId, p.Week1Id, p.Week2Id, p.FinalId) = (kickOff.Id, week1.Id, week2.Id, final.Id);
        (p.BloodDriveId, p.QuizId, p.ForumId, p.LeaderChatId) = (blood.Id, quiz.Id, forum.Id, leaders.Id);
        p.Units = units.Select(u => u.Id).ToArray();
        p.Contacts = units.Select(u => u.Contacts.Select(c => c.Id).ToArray()).ToArray();
        return p;
    }

    /// <summary>A local (Asia/Ho_Chi_Minh) time as UTC.</summary>
    public static DateTimeOffset Local(int y, int m, int d, int h, int min) =>
        VietnamTime.ToUtc(new DateTime(y, m, d, h, min, 0), VietnamTime.Zone());

    private static ReportingPeriod Period(Campaign c, PeriodKind kind, int? number, string label, (int, int, int) start, (int, int, int) end, DateTimeOffset deadline)
    {
        var p = new ReportingPeriod
        {
            Kind = kind, Number = number, Label = label, DeadlineUtc = deadline, PhotosRequired = kind != PeriodKind.Final,
            WindowStart = new DateOnly(start.Item1, start.Item2, start.Item3), WindowEnd = new DateOnly(end.Item1, end.Item2, end.Item3),
        };
        c.Periods.Add(p);
        return p;
    }
}
