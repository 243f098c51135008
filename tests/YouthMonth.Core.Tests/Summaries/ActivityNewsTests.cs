using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;

namespace YouthMonth.Core.Tests.Summaries;

/// <summary>The compiled report's "mặt công tác" prose: the units' news grouped by the plan's activity categories.</summary>
public sealed class ActivityNewsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 3, 27, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ReportSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateDbContext();
        _seed = await ReportSeed.CreateAsync(db, units: 10);
        // The plan lists culture first, then social welfare, then propaganda: the report follows that order.
        db.Activities.AddRange(
            new Activity { CampaignId = _seed.Campaign.Id, Title = "Hội thao", Category = ActivityCategories.Culture, SortOrder = 1 },
            new Activity { CampaignId = _seed.Campaign.Id, Title = "Chủ nhật xanh", Category = ActivityCategories.SocialWelfare, SortOrder = 2 },
            new Activity { CampaignId = _seed.Campaign.Id, Title = "Sinh hoạt chủ điểm", Category = ActivityCategories.Propaganda, SortOrder = 3 },
            new Activity { CampaignId = _seed.Campaign.Id, Title = "Ngày hội sáng tạo", Category = ActivityCategories.Creativity, SortOrder = 4 });
        await db.SaveChangesAsync();

        var w1 = _seed.Weeks[0];
        var w2 = _seed.Weeks[1];
        // Unit 1 sends three social-welfare activities: it gets one line before every other unit gets its first.
        await _seed.AddReportAsync(db, _seed.Units[0], w1, ReportStatus.Submitted, activities:
        [
            new("Chủ nhật xanh lần 1", ActivityCategories.SocialWelfare, V(("participants", 900))),
            new("Chủ nhật xanh lần 2", ActivityCategories.SocialWelfare, V(("participants", 800))),
            new("Chủ nhật xanh lần 3", ActivityCategories.SocialWelfare, V(("participants", 700)), News: "Dọn vệ sinh kênh Xáng.",
                Links: ["https://facebook.com/doan/posts/1"]),
            new("Mừng Đảng", "khac", V(("participants", 10))),
        ]);
        for (var i = 1; i < 8; i++)
            await _seed.AddReportAsync(db, _seed.Units[i], w2, ReportStatus.Submitted, activities:
            [
                new($"Hiến máu {i}", ActivityCategories.SocialWelfare, V(("participants", 10 * i))),
                new($"Sinh hoạt {i}", ActivityCategories.Propaganda, V(("participants", 5))),
            ]);
        // A draft and an inactive unit's report are not in the report.
        await _seed.AddReportAsync(db, _seed.Units[8], w2, ReportStatus.Draft, activities:
            [new("Hội thao nháp", ActivityCategories.Culture, V(("participants", 99)))]);
        var inactive = _seed.Units[9];
        await _seed.AddReportAsync(db, inactive, w2, ReportStatus.Submitted, activities:
            [new("Hội thao", ActivityCategories.Culture, V(("participants", 99)))]);
        inactive.Active = false;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task News_is_grouped_by_the_plans_categories_in_plan_order_with_a_few_items_each_and_the_full_counts()
    {
        await using var db = _database.CreateDbContext();
        var final = (await SummaryQuery.ComputeAsync(db, _seed.Campaign.Id, _seed.Final.Id, Now))!;
        var news = await ActivityNews.LoadAsync(db, final, default);

        // Culture (only a draft and an inactive unit) and creativity (nothing) are left out; "khác" comes last.
        Assert.Equal([ActivityCategories.SocialWelfare, ActivityCategories.Propaganda, ActivityCategories.Other], news.Select(c => c.Code));
        var welfare = news[0];
        Assert.Equal("Tình nguyện, an sinh xã hội", welfare.Label);
        Assert.Equal((10, 8), (welfare.Activities, welfare.Units));
        Assert.Equal(900 + 800 + 700 + 10 * (1 + 2 + 3 + 4 + 5 + 6 + 7), welfare.Participants);
        Assert.Equal(ActivityNews.PerCategory, welfare.Items.Count);
        // Unit 1's activity with news and a link stands for it, ahead of its larger ones; then the others by size.
        var first = welfare.Items[0];
        Assert.Equal(("Đoàn cơ sở Thử 01", "Chủ nhật xanh lần 3", "Dọn vệ sinh kênh Xáng."), (first.Unit, first.Title, first.News));
        Assert.Equal(["https://facebook.com/doan/posts/1"], first.Links);
        Assert.Equal(["Hiến máu 7", "Hiến máu 6", "Hiến máu 5", "Hiến máu 4", "Hiến máu 3"], welfare.Items.Skip(1).Select(x => x.Title));

        // A weekly period shows its own week only.
        var week1 = (await SummaryQuery.ComputeAsync(db, _seed.Campaign.Id, _seed.Weeks[0].Id, Now))!;
        var w1 = await ActivityNews.LoadAsync(db, week1, default);
        Assert.Equal([ActivityCategories.SocialWelfare, ActivityCategories.Other], w1.Select(c => c.Code));
        Assert.Equal(3, w1[0].Items.Count);
    }

    [Theory]
    [InlineData("Ngày Đoàn viên (06/12)", "Ngày Đoàn viên (06/12), 40 lượt tham gia")]
    [InlineData("Ngày Đoàn viên", "Ngày Đoàn viên (06/12), 40 lượt tham gia")]
    public void A_date_the_title_already_carries_is_not_repeated(string title, string expected) =>
        Assert.Equal(expected, SummaryDocx.NewsLine(new NewsItem("Đoàn 1", title, new DateOnly(2026, 12, 6), 40, null, [])));

    [Fact]
    public void Long_news_is_cut_at_a_word_boundary()
    {
        var news = string.Join(" ", Enumerable.Repeat("thanh niên tình nguyện", 40));
        var line = SummaryDocx.NewsLine(new NewsItem("Đoàn 1", "Chủ nhật xanh", null, 0, news, []));
        Assert.EndsWith("…", line);
        Assert.True(line.Length <= "Chủ nhật xanh: ".Length + SummaryDocx.NewsLength + 1, line);
        var words = line["Chủ nhật xanh: ".Length..].TrimEnd('…').Split(' ');
        Assert.All(words, w => Assert.Contains(w, new[] { "thanh", "niên", "tình", "nguyện" }));
    }
}
