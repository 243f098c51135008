using YouthMonth.Core.Plan;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Core.Tests.Summaries;

public sealed class SummaryTextTests
{
    [Theory]
    [InlineData(1234567, "1.234.567")]
    [InlineData(2.5, "2,5")]
    [InlineData(926000000, "926.000.000")]
    [InlineData(0, "0")]
    [InlineData(999.999, "1.000")]
    public void Numbers_use_the_Vietnamese_format(decimal value, string expected) =>
        Assert.Equal(expected, SummaryNumbers.Format(value));

    [Theory]
    [InlineData(null, SummaryScopeKind.CurrentPeriod, null)]
    [InlineData("tuần 3", SummaryScopeKind.Week, 3)]
    [InlineData("Tuan 3", SummaryScopeKind.Week, 3)]
    [InlineData("week 2", SummaryScopeKind.Week, 2)]
    [InlineData("toàn đợt", SummaryScopeKind.WholeCampaign, null)]
    [InlineData("TOAN DOT", SummaryScopeKind.WholeCampaign, null)]
    [InlineData("all", SummaryScopeKind.WholeCampaign, null)]
    [InlineData("tổng kết", SummaryScopeKind.Final, null)]
    public void Scope_arguments_are_read_ignoring_case_and_diacritics(string? argument, SummaryScopeKind kind, int? week)
    {
        Assert.True(SummaryScope.TryParse(argument, out var scope, out _));
        Assert.Equal(new SummaryScope(kind, week), scope);
    }

    [Fact]
    public void An_unknown_scope_is_explained_with_examples()
    {
        Assert.False(SummaryScope.TryParse("hôm qua", out _, out var error));
        Assert.Contains("/tonghop tuần 3", error);
    }

    [Theory]
    [InlineData(0, "░░░░░░░░░░")]
    [InlineData(54, "█████░░░░░")]
    [InlineData(250, "██████████")]
    public void Bars_fill_towards_the_goal(decimal percent, string bar) => Assert.Equal(bar, SummaryText.Bar(percent));

    /// <summary>2,000 missing units in 40 clusters, 30 targets: every message fits, sections keep their title, no line is cut.</summary>
    [Theory]
    [InlineData(2000)]
    [InlineData(4096)]
    public void Long_answers_split_at_the_limit_between_lines_with_titles_repeated(int limit)
    {
        var summary = Big();
        var sections = SummaryText.Sections(summary);
        var messages = SummaryText.Messages(summary, limit);
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Text.Length, 1, limit));
        var titles = sections.Select(s => s.Title).ToList();
        Assert.All(messages.Where(m => m.PhotoId is null), m => Assert.Contains(titles, t => m.Text.StartsWith(t, StringComparison.Ordinal)));
        var sent = messages.SelectMany(m => m.Text.Split('\n')).ToHashSet();
        Assert.All(sections.SelectMany(s => s.Lines), line => Assert.Contains(line, sent));
        // A target's text and its bar travel together.
        foreach (var m in messages)
        {
            var lines = m.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].StartsWith("   ", StringComparison.Ordinal)) Assert.Matches(@"^\d+\. ", lines[i - 1]);
        }
        Assert.Equal(1, messages.Count(m => m.PhotoId == 77));
    }

    private static CampaignSummary Big() => new()
    {
        Header = new(1, "Đoàn Khối Thử", "Thành Đoàn Cần Thơ", "Cần Thơ", 1, "Tháng Thanh niên 2024", null, "Tuần 2 (02/3–08/3)",
            DateTimeOffset.UnixEpoch, new DateOnly(2024, 3, 9)),
        Period = new(1, PeriodKind.Weekly, 2, "Tuần 2 (02/3–08/3)", new(2024, 3, 2), new(2024, 3, 8), DateTimeOffset.UnixEpoch),
        Reporting = new(3000, 3000, 1000, 33.3m, 800, 100, 100, 1000),
        Periods = [],
        Missing = [.. Enumerable.Range(1, 40).Select(c => new MissingCluster($"Cụm thi đua số {c}",
            [.. Enumerable.Range(1, 50).Select(i => new MissingUnit(c * 100 + i, $"Đoàn cơ sở Bệnh viện Đa khoa số {c}-{i}", 1))]))],
        Totals = [new("participants", "Lượt đoàn viên, thanh niên tham gia", "lượt", MetricKind.Integer, 1234567)],
        Targets = [.. Enumerable.Range(1, 30).Select(i => new TargetProgress(i, $"Chỉ tiêu số {i}: " + new string('x', 100),
            TargetRule.MetricTotal, true, 50, 100, 50, "cây", "50/100 cây", null))],
        Highlights = [new(1, 1, "Đoàn cơ sở A", "Hiến máu", new DateOnly(2024, 3, 5), 300, null, 77, "ab/x.jpg")],
    };
}
