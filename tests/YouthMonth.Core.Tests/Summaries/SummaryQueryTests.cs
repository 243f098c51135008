using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;

namespace YouthMonth.Core.Tests.Summaries;

/// <summary>
/// One seeded campaign (6 units in two clusters and none), checked number by number, then against direct SQL
/// aggregates over random reports.
/// </summary>
public sealed class SummaryQueryTests(SummaryQueryTests.Seeded seeded) : IClassFixture<SummaryQueryTests.Seeded>
{
    // Saturday 16/3/2024 12:00 in Cần Thơ: weeks 1–3 (due 01, 08, 15/3) are due; week 4, 5 and the final (26/3) are not.
    private static readonly DateTimeOffset Now = new(2024, 3, 16, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database => seeded.Database;
    private ReportSeed _seed => seeded.Seed;
    private int _photoId => seeded.PhotoId;

    /// <summary>One database for the class, seeded once.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;
        public ReportSeed Seed { get; private set; } = null!;
        public int PhotoId { get; private set; }

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync();
            await using var db = Database.CreateDbContext();
            Seed = await ReportSeed.CreateAsync(db);
            var u = Seed.Units;
            var w1 = Seed.Weeks[0];
            var w2 = Seed.Weeks[1];
            PhotoId = (await AddPhotoAsync(db, "tg-file-1")).Id;

            await Seed.AddReportAsync(db, u[0], w2, ReportStatus.Submitted, activities:
            [
                new("Ngày Chủ nhật xanh", ActivityCategories.SocialWelfare, V(("participants", 120), ("trees", 30), ("youth_works", 2)), PhotoId),
                new("Sinh hoạt chủ điểm", ActivityCategories.Propaganda, V(("participants", 50))),
            ]);
            await Seed.AddReportAsync(db, u[1], w2, ReportStatus.Submitted, late: true, activities:
                [new("Hiến máu tình nguyện", ActivityCategories.SocialWelfare, V(("participants", 300), ("trees", 50), ("new_members", 10)))]);
            await Seed.AddReportAsync(db, u[2], w2, ReportStatus.NoActivity);
            // A draft is not a report yet: its numbers never count.
            await Seed.AddReportAsync(db, u[3], w2, ReportStatus.Draft, activities:
                [new("Bản nháp", ActivityCategories.SocialWelfare, V(("participants", 999), ("trees", 999)))]);

            // Week 1: unit 1 gave a report-wide total (40) as well as a per-activity value (25): the total wins.
            await Seed.AddReportAsync(db, u[0], w1, ReportStatus.Submitted,
                activities: [new("Ra quân", ActivityCategories.Propaganda, V(("participants", 25)))], totals: V(("participants", 40)));
            await Seed.AddReportAsync(db, u[1], w1, ReportStatus.Submitted,
                activities: [new("Ra quân", ActivityCategories.Propaganda, V(("participants", 10)))]);

            // Final reports state the month's totals: unit 1 more than its weeks (500 > 40 + 170), unit 2 less (100 < 310).
            await Seed.AddReportAsync(db, u[0], Seed.Final, ReportStatus.Submitted, totals: V(("participants", 500)));
            await Seed.AddReportAsync(db, u[1], Seed.Final, ReportStatus.Submitted, totals: V(("participants", 100)));
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    private async Task<CampaignSummary> SummaryAsync(int? periodId)
    {
        await using var db = _database.CreateDbContext();
        return (await SummaryQuery.ComputeAsync(db, _seed.Campaign.Id, periodId, Now))!;
    }

    [Fact]
    public async Task A_period_counts_who_reported_what_is_missing_by_cluster_totals_targets_and_highlights()
    {
        var s = await SummaryAsync(_seed.Weeks[1].Id);

        Assert.Equal(new ReportingStatus(6, 6, 3, 50.0m, 1, 1, 1, 3), s.Reporting);
        Assert.Equal(["Cụm 1: Đoàn cơ sở Thử 04", "Cụm 2: Đoàn cơ sở Thử 05", ": Đoàn cơ sở Thử 06"],
            s.Missing.SelectMany(c => c.Units.Select(u => $"{c.Cluster}: {u.Name}")));

        decimal Total(string code) => s.Totals.Single(t => t.Code == code).Value;
        Assert.Equal(470, Total("participants"));
        Assert.Equal(80, Total("trees"));
        Assert.Equal(2, Total("youth_works"));
        Assert.Equal(10, Total("new_members"));
        Assert.Equal(0, Total("gifts"));

        var t = s.Targets.ToDictionary(x => x.Number);
        Assert.Equal((33.3m, 100m, 33.3m), (t[1].Achieved, t[1].Goal, t[1].Percent));
        Assert.Equal("2/6 đơn vị có hoạt động tình nguyện, an sinh xã hội", t[1].Detail);
        Assert.Equal((80m, 100m, 80.0m), (t[2].Achieved, t[2].Goal, t[2].Percent));
        Assert.Equal((25.0m, 70m, 35.7m), (t[3].Achieved, t[3].Goal, t[3].Percent));
        Assert.Equal((16.7m, 16.7m), (t[4].Achieved, t[4].Percent));
        Assert.Equal("1/6 đơn vị đạt ít nhất 2 công trình", t[4].Detail);
        Assert.False(t[5].Computable);
        Assert.Equal(TargetRules.NotComputable, t[5].Detail);
        Assert.False(t[6].Computable);

        Assert.Equal([300m, 120m, 50m], s.Highlights.Select(h => h.Participants));
        Assert.Null(s.Highlights[0].PhotoId);
        Assert.Equal(_photoId, s.Highlights[1].PhotoId);
    }

    [Fact]
    public async Task The_whole_campaign_counts_due_periods_and_never_adds_a_final_report_to_the_weeks_it_sums_up()
    {
        var s = await SummaryAsync(null);

        // 3 due weeks × 6 units = 18 expected; weeks 1 (2) and 2 (3) reported.
        Assert.Equal((18, 5, 27.8m, 3), (s.Reporting.Expected, s.Reporting.Received, s.Reporting.Percent, s.Reporting.UnitsReportedAtLeastOnce));
        Assert.Equal(6, s.Periods.Count); // five weeks and the final
        Assert.Equal([1, 1, 2, 3, 3, 3], s.Missing.SelectMany(c => c.Units).OrderBy(u => u.UnitId).Select(u => u.MissedPeriods));
        // Unit 1: max(final 500, weeks 40 + 170); unit 2: max(final 100, weeks 10 + 300).
        Assert.Equal(810, s.Totals.Single(t => t.Code == "participants").Value);
    }

    [Fact]
    public async Task Totals_equal_direct_SQL_aggregates_over_random_reports()
    {
        await using (var db = _database.CreateDbContext())
        {
            var random = new Random(6);
            var more = await ReportSeed.CreateAsync(db, units: 25, organisation: "Quận Đoàn Ngẫu Nhiên", leaderChatId: "-100999");
            string[] codes = ["participants", "trees", "gifts", "gift_value", "new_members"];
            string[] categories = [ActivityCategories.SocialWelfare, ActivityCategories.Culture, ActivityCategories.Propaganda];
            foreach (var unit in more.Units)
                foreach (var period in more.Weeks.Where(_ => random.Next(4) > 0))
                {
                    var status = (ReportStatus)random.Next(3);
                    var activities = Enumerable.Range(0, status == ReportStatus.NoActivity ? 0 : random.Next(1, 4)).Select(i => new SeedActivity(
                        $"Hoạt động {i}", categories[random.Next(categories.Length)],
                        codes.Where(_ => random.Next(2) == 0).ToDictionary(c => c, _ => (decimal)random.Next(0, 5000)))).ToList();
                    await more.AddReportAsync(db, unit, period, status, late: random.Next(3) == 0, activities: activities);
                }
            db.ChangeTracker.Clear();
            foreach (var period in more.Weeks)
            {
                var s = (await SummaryQuery.ComputeAsync(db, more.Campaign.Id, period.Id, Now))!;
                var sql = await db.Database.SqlQuery<CodeTotal>($"""
                    SELECT v.metric_code AS code, sum(v.value) AS total FROM report_values v JOIN reports r ON r.id = v.report_id
                    WHERE r.period_id = {period.Id} AND r.status IN ('Submitted', 'NoActivity') GROUP BY v.metric_code
                    """).ToListAsync();
                Assert.Equal(sql.OrderBy(x => x.Code).Select(x => (x.Code, x.Total)),
                    s.Totals.Where(t => t.Value != 0).OrderBy(t => t.Code).Select(t => (t.Code, t.Value)));
                var received = await db.Reports.CountAsync(r => r.PeriodId == period.Id && r.Status != ReportStatus.Draft);
                Assert.Equal(received, s.Reporting.Received);
                Assert.Equal(25 - received, s.Missing.Sum(c => c.Units.Count));
            }
            var all = (await SummaryQuery.ComputeAsync(db, more.Campaign.Id, null, Now))!;
            var campaignSql = await db.Database.SqlQuery<CodeTotal>($"""
                SELECT v.metric_code AS code, sum(v.value) AS total FROM report_values v JOIN reports r ON r.id = v.report_id
                JOIN periods p ON p.id = r.period_id
                WHERE p.campaign_id = {more.Campaign.Id} AND r.status IN ('Submitted', 'NoActivity') GROUP BY v.metric_code
                """).ToListAsync();
            Assert.Equal(campaignSql.OrderBy(x => x.Code).Select(x => (x.Code, x.Total)),
                all.Totals.Where(t => t.Value != 0).OrderBy(t => t.Code).Select(t => (t.Code, t.Value)));
        }
        // The first organisation's numbers are untouched by the second one's reports.
        Assert.Equal(470, (await SummaryAsync(_seed.Weeks[1].Id)).Totals.Single(t => t.Code == "participants").Value);
    }

    private sealed record CodeTotal(string Code, decimal Total);

    [Fact]
    public async Task A_late_no_activity_report_counts_as_late_in_the_chat_text_the_docx_and_the_per_unit_table()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var seed = await ReportSeed.CreateAsync(db);
        var week = seed.Weeks[1];
        await seed.AddReportAsync(db, seed.Units[0], week, ReportStatus.NoActivity, late: true);
        await seed.AddReportAsync(db, seed.Units[1], week, ReportStatus.NoActivity);
        await seed.AddReportAsync(db, seed.Units[2], week, ReportStatus.Submitted,
            activities: [new("Ra quân", ActivityCategories.Propaganda, V(("participants", 10)))]);

        var s = (await SummaryQuery.ComputeAsync(db, seed.Campaign.Id, week.Id, Now))!;
        // On time 1 (unit 3), late 1 (unit 1's "no activity"), no activity on time 1 (unit 2): they add up to 3.
        Assert.Equal((3, 1, 1, 1), (s.Reporting.Received, s.Reporting.OnTime, s.Reporting.Late, s.Reporting.NoActivity));
        var text = SummaryText.Render(s);
        Assert.Contains("• Trễ hạn: 1", text);
        Assert.Contains("• Không có hoạt động: 1", text);
        Assert.Contains("trong đó đúng hạn 1, trễ hạn 1, không có hoạt động 1.", string.Join("\n", SummaryDocx.StatusLines(s)));

        var units = (await UnitNumbersQuery.ReadAsync(db, s)).ToDictionary(u => u.UnitId);
        var firstThree = seed.Units.Take(3).Select(u => units[u.Id]).ToList();
        Assert.Equal(["Không có hoạt động (trễ hạn)", "Không có hoạt động", "Đúng hạn"], firstThree.Select(u => u.Status));
        Assert.Equal([1, 0, 0], firstThree.Select(u => u.Late));

        var campaign = (await SummaryQuery.ComputeAsync(db, seed.Campaign.Id, null, Now))!;
        Assert.Equal((1, 1, 1), (campaign.Reporting.OnTime, campaign.Reporting.Late, campaign.Reporting.NoActivity));
        Assert.StartsWith("1 báo cáo / 3 kỳ đến hạn, 1 trễ",
            (await UnitNumbersQuery.ReadAsync(db, campaign)).Single(u => u.UnitId == seed.Units[0].Id).Status);
    }

    [Fact]
    public async Task Chat_text_shows_Vietnamese_numbers_bars_and_not_computable_targets()
    {
        var text = SummaryText.Render(await SummaryAsync(_seed.Weeks[1].Id));
        Assert.Contains("Đơn vị đã báo cáo: 3/6 (50%)", text);
        Assert.Contains("• Trễ hạn: 1", text);
        Assert.Contains("• Cụm 2 (1): Đoàn cơ sở Thử 05", text);
        Assert.Contains("• Chưa xếp cụm (1): Đoàn cơ sở Thử 06", text);
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 470 lượt", text);
        Assert.Contains("████████░░ 80% — 80/100 cây", text);
        Assert.Contains("chưa tính được (Chưa nhập chỉ tiêu năm.)", text);
        // Progress is towards the goal; the line also says the share of the yearly quota and the goal.
        Assert.Matches(@"\d+% — \d+/40 đoàn viên = [\d,]+% chỉ tiêu năm \(cần 70%\)", text);
        Assert.Contains("1. Đoàn cơ sở Thử 02: Hiến máu tình nguyện (08/3) — 300 lượt tham gia", text);
        Assert.DoesNotContain("999", text);
    }
}
