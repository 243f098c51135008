using System.Text;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Tests.Text;

public sealed class VietnameseDatesTests
{
    private static readonly DateOnly Today = new(2024, 3, 10);

    public static TheoryData<string, string, string> Accepted => new()
    {
        // input, today (yyyy-MM-dd), expected (yyyy-MM-dd)
        { "08/3", "2024-03-10", "2024-03-08" },
        { "8/3", "2024-03-10", "2024-03-08" },
        { "08/03", "2024-03-10", "2024-03-08" },
        { "8/3/2024", "2024-03-10", "2024-03-08" },
        { "08-03-2024", "2024-03-10", "2024-03-08" },
        { "8.3.2024", "2024-03-10", "2024-03-08" },
        { "8/3/24", "2024-03-10", "2024-03-08" },
        { "8 / 3 / 2024", "2024-03-10", "2024-03-08" },
        { "ngày 26/3", "2024-03-10", "2024-03-26" },
        { "Ngày 29/2", "2024-03-10", "2024-02-29" },
        { "hôm nay", "2024-03-10", "2024-03-10" },
        { "Hôm nay", "2024-03-10", "2024-03-10" },
        { "hom nay", "2024-03-10", "2024-03-10" },
        { "HÔM QUA", "2024-03-10", "2024-03-09" },
        { "hom qua", "2024-03-01", "2024-02-29" },
        { "hôm kia", "2024-03-10", "2024-03-08" },
        // Without a year, the nearest date: late December typed in early January is last year.
        { "28/12", "2025-01-03", "2024-12-28" },
        { "02/1", "2024-12-30", "2025-01-02" },
        { "29/2", "2025-03-01", "2024-02-29" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Reads_dates_day_first(string input, string today, string expected)
    {
        var ok = VietnameseDates.TryParse(input, DateOnly.Parse(today), out var date, out var error);

        Assert.True(ok, error);
        Assert.Equal(DateOnly.Parse(expected), date);
    }

    public static TheoryData<string?, string> Refused => new()
    {
        { null, "Chưa có ngày" },
        { "", "Chưa có ngày" },
        { "mai", "Chưa hiểu ngày \"mai\"" },
        { "3/8/2024 14g", "Chưa hiểu ngày" },
        { "2024-03-08", "Chưa hiểu ngày" },
        { "31/2/2024", "\"31/2/2024\" không có thật" },
        { "32/3", "không có thật" },
        { "8/13", "không có thật" },
        { "0/3", "không có thật" },
        { "8/3/1999", "không có thật" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_with_a_Vietnamese_sentence_and_an_example(string? input, string expected)
    {
        var ok = VietnameseDates.TryParse(input, Today, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error);
        Assert.Contains("ví dụ: 08/3", error);
    }

    [Fact]
    public void Accepts_decomposed_NFD_input()
    {
        Assert.True(VietnameseDates.TryParse("Hôm qua".Normalize(NormalizationForm.FormD), Today, out var date, out _));
        Assert.Equal(new DateOnly(2024, 3, 9), date);
    }

    [Theory]
    [InlineData(2024, 3, 8, "08/3/2024")]
    [InlineData(2024, 12, 25, "25/12/2024")]
    [InlineData(2025, 1, 1, "01/1/2025")]
    public void Formats_as_plans_write_dates(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseDates.Format(new DateOnly(year, month, day)));
}
