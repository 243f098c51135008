using YouthMonth.Core;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Testing;

/// <summary>One reported activity for <see cref="ReportSeed.AddReportAsync"/>.</summary>
public sealed record SeedActivity(string Title, string Category, IReadOnlyDictionary<string, decimal> Values, int? PhotoId = null,
    DateOnly? Date = null, string? News = null, IReadOnlyList<string>? Links = null);

/// <summary>
/// Writes a plan and reports straight into the tables the dialogs fill (the dialogs are built elsewhere): an
/// organisation in Cần Thơ, a campaign 01–31/3/2024 with the default metrics, weekly periods due Friday 11:00, a
/// final report, one target of each rule, units in clusters, a leader chat bound to a Telegram group.
/// </summary>
public sealed class ReportSeed
{
    public required Organisation Organisation { get; init; }
    public required Campaign Campaign { get; init; }
    public required List<ReportingPeriod> Weeks { get; init; }
    public required ReportingPeriod Final { get; init; }
    public required List<Unit> Units { get; init; }
    public required LeaderChat LeaderChat { get; init; }
    /// <summary>The Telegram group bound to <see cref="LeaderChat"/>.</summary>
    public required string LeaderChatId { get; init; }

    public static async Task<ReportSeed> CreateAsync(YouthMonthDb db, int units = 6, string organisation = "Đoàn Khối Thử Nghiệm",
        string leaderChatId = "-100200300")
    {
        var zone = VietnamTime.Zone();
        var org = new Organisation { Name = organisation, ParentName = "Thành Đoàn Cần Thơ", Place = "Cần Thơ" };
        var weeks = PeriodGenerator.Weekly(new WeeklyPeriodRule(DayOfWeek.Saturday, DayOfWeek.Friday, new TimeOnly(11, 0)),
            new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), zone);
        var final = new ReportingPeriod
        {
            Kind = PeriodKind.Final, Label = "Báo cáo tổng kết", WindowStart = new DateOnly(2024, 3, 1), WindowEnd = new DateOnly(2024, 3, 31),
            DeadlineUtc = VietnamTime.ToUtc(new DateOnly(2024, 3, 26), new TimeOnly(11, 0), zone),
        };
        var campaign = new Campaign
        {
            Organisation = org, Name = "Tháng Thanh niên 2024", Theme = "Tuổi trẻ Cần Thơ xung kích", Status = CampaignStatus.Active,
            StartDate = new DateOnly(2024, 3, 1), EndDate = new DateOnly(2024, 3, 31),
            Periods = [.. weeks, final],
            Metrics = [.. MetricCatalog.Defaults()],
            Targets =
            [
                new() { Number = 1, Text = "100% TCCSĐ tổ chức hoạt động an sinh xã hội", Rule = TargetRule.UnitCoverage, Category = ActivityCategories.SocialWelfare, Goal = 100 },
                new() { Number = 2, Text = "Trồng mới ít nhất 100 cây xanh", Rule = TargetRule.MetricTotal, MetricCode = "trees", Goal = 100 },
                new() { Number = 3, Text = "Phát triển đoàn viên mới đạt ít nhất 70% chỉ tiêu năm", Rule = TargetRule.YearlyQuotaShare, MetricCode = "new_members", Goal = 70, YearlyQuota = 40 },
                new() { Number = 4, Text = "Mỗi cơ sở Đoàn ít nhất 2 công trình thanh niên", Rule = TargetRule.PerUnitMinimum, MetricCode = "youth_works", Goal = 2 },
                new() { Number = 5, Text = "Giới thiệu đoàn viên ưu tú cho Đảng đạt 40% chỉ tiêu năm", Rule = TargetRule.YearlyQuotaShare, MetricCode = "party_referrals", Goal = 40 },
                new() { Number = 6, Text = "Tuyên truyền sâu rộng trong đoàn viên", Rule = TargetRule.None },
            ],
        };
        var unitList = Enumerable.Range(1, units).Select(i => new Unit
        {
            Organisation = org, Name = $"Đoàn cơ sở Thử {i:00}", Cluster = i % 3 == 0 ? null : $"Cụm {(i % 3)}", MemberCount = 50,
        }).ToList();
        var leaders = new LeaderChat { Organisation = org, Name = "Ban Thường vụ" };
        db.Add(campaign);
        db.AddRange(unitList);
        db.Add(leaders);
        await db.SaveChangesAsync();
        db.ChatAccounts.Add(new ChatAccount
        {
            Channel = Channel.Telegram, ChatId = leaderChatId, ChatType = ChatType.Group, LeaderChatId = leaders.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return new ReportSeed { Organisation = org, Campaign = campaign, Weeks = weeks, Final = final, Units = unitList, LeaderChat = leaders,
            LeaderChatId = leaderChatId };
    }

    /// <summary>Writes one unit's report for a period; <paramref name="totals"/> are report-wide values (final reports).</summary>
    public async Task<Report> AddReportAsync(YouthMonthDb db, Unit unit, ReportingPeriod period, ReportStatus status,
        bool late = false, IReadOnlyList<SeedActivity>? activities = null, IReadOnlyDictionary<string, decimal>? totals = null)
    {
        var report = new Report
        {
            PeriodId = period.Id, UnitId = unit.Id, Status = status, IsLate = late,
            CreatedAt = period.DeadlineUtc.AddDays(-2),
            SubmittedAt = status == ReportStatus.Draft ? null : period.DeadlineUtc.AddHours(late ? 5 : -5),
        };
        var order = 0;
        foreach (var a in activities ?? [])
        {
            var activity = new ReportActivity { Title = a.Title, Category = a.Category, SortOrder = ++order, Date = a.Date ?? period.WindowEnd,
                NewsText = a.News, Links = [.. a.Links ?? []] };
            if (a.PhotoId is { } photo) activity.Photos.Add(new ReportPhoto { PhotoId = photo });
            report.Activities.Add(activity);
            foreach (var (code, value) in a.Values)
                report.Values.Add(new ReportMetricValue { MetricCode = code, Value = value, ReportActivity = activity });
        }
        foreach (var (code, value) in totals ?? new Dictionary<string, decimal>())
            report.Values.Add(new ReportMetricValue { MetricCode = code, Value = value });
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    public static async Task<Photo> AddPhotoAsync(YouthMonthDb db, string telegramFileId, string storagePath = "ab/test.jpg")
    {
        var photo = new Photo
        {
            Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", SizeBytes = 100,
            StoragePath = storagePath, TelegramFileId = telegramFileId, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Photos.Add(photo);
        await db.SaveChangesAsync();
        return photo;
    }

    public static IReadOnlyDictionary<string, decimal> V(params (string Code, decimal Value)[] values) =>
        values.ToDictionary(v => v.Code, v => v.Value);
}
