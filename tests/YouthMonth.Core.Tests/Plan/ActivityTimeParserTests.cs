using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

public sealed class ActivityTimeParserTests
{
    public static TheoryData<string, int?, ActivityTimeKind, string, string?> Cases => new()
    {
        // text, campaign year, kind, dates (yyyy-MM-dd, comma separated), time of day
        { "01/3/2024", null, ActivityTimeKind.Day, "2024-03-01", null },
        { "ngày 29/3/2024", null, ActivityTimeKind.Day, "2024-03-29", null },
        { "19,20-22/3/2024", null, ActivityTimeKind.Days, "2024-03-19,2024-03-20,2024-03-21,2024-03-22", null },
        { "17-18/5/2024", null, ActivityTimeKind.Days, "2024-05-17,2024-05-18", null },
        { "17–18/5/2024", null, ActivityTimeKind.Days, "2024-05-17,2024-05-18", null },
        { "Trong tháng 5", 2024, ActivityTimeKind.Month, "2024-05-01,2024-05-31", null },
        { "trong tháng 03/2024", null, ActivityTimeKind.Month, "2024-03-01,2024-03-31", null },
        { "Tháng 2", 2024, ActivityTimeKind.Month, "2024-02-01,2024-02-29", null },
        { "Trước ngày 31/5/2024", null, ActivityTimeKind.Before, "2024-05-31", null },
        { "trước 17g00 ngày 24/02/2023", null, ActivityTimeKind.Before, "2023-02-24", "17:00" },
        { "07g30 ngày 26/2/2023 (Chủ nhật)", null, ActivityTimeKind.Day, "2023-02-26", "07:30" },
        { "14g00, 26/3", 2024, ActivityTimeKind.Day, "2024-03-26", "14:00" },
        { "Dự kiến ngày 05/3/2023", null, ActivityTimeKind.Day, "2023-03-05", null },
        { "ngay 19/3", 2023, ActivityTimeKind.Day, "2023-03-19", null },
        { "TRƯỚC NGÀY 31/5/2024", null, ActivityTimeKind.Before, "2024-05-31", null },
        // Unreadable or impossible: only the text is kept.
        { "năm học 2022 – 2023", 2023, ActivityTimeKind.Unspecified, "", null },
        { "Trong tháng 5", null, ActivityTimeKind.Unspecified, "", null },
        { "31/2/2024", null, ActivityTimeKind.Unspecified, "", null },
        { "20-19/3/2024", null, ActivityTimeKind.Unspecified, "", null },
        { "tháng 13", 2024, ActivityTimeKind.Unspecified, "", null },
        { "25g00 ngày 01/3/2024", null, ActivityTimeKind.Unspecified, "", null },
        { "", 2024, ActivityTimeKind.Unspecified, "", null },
        { "sau Tết", 2024, ActivityTimeKind.Unspecified, "", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_time_as_plans_write_it(string text, int? year, ActivityTimeKind kind, string dates, string? time)
    {
        var parsed = ActivityTimeParser.Parse(text, year);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(dates, string.Join(",", parsed.Dates.Select(d => d.ToString("yyyy-MM-dd"))));
        Assert.Equal(time, parsed.TimeOfDay?.ToString("HH:mm"));
    }

    [Fact]
    public void Accepts_the_same_text_in_NFD_form()
    {
        var nfd = "Trước ngày 31/5/2024".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(ActivityTimeKind.Before, ActivityTimeParser.Parse(nfd).Kind);
    }

    [Fact]
    public void Formats_parsed_times_back_the_way_plans_write_them()
    {
        var days = ActivityTimeParser.Parse("19,20-22/3/2024");
        Assert.Equal("19,20,21,22/3/2024", ActivityTimeParser.Format(days.Kind, days.Dates, days.TimeOfDay));
        var before = ActivityTimeParser.Parse("trước 17g00 ngày 24/02/2023");
        Assert.Equal("17g00 Trước ngày 24/2/2023", ActivityTimeParser.Format(before.Kind, before.Dates, before.TimeOfDay));
    }
}
