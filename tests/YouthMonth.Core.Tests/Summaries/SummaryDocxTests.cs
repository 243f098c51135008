using YouthMonth.Core.Summaries;

namespace YouthMonth.Core.Tests.Summaries;

public sealed class SummaryDocxTests
{
    // Nghị định 30/2020/NĐ-CP: a leading zero for days under 10 and for months 1 and 2 only.
    [Theory]
    [InlineData(2024, 2, 5, "Cần Thơ, ngày 05 tháng 02 năm 2024")]
    [InlineData(2024, 3, 16, "Cần Thơ, ngày 16 tháng 3 năm 2024")]
    [InlineData(2024, 12, 1, "Cần Thơ, ngày 01 tháng 12 năm 2024")]
    public void The_place_and_date_line_is_written_as_official_documents_write_it(int year, int month, int day, string expected) =>
        Assert.Equal(expected, SummaryDocx.PlaceAndDate("Cần Thơ", new DateOnly(year, month, day)));

    [Fact]
    public void Unless_asked_for_the_date_the_day_is_left_blank_for_signing() =>
        Assert.Equal("Cần Thơ, ngày       tháng 12 năm 2026", SummaryDocx.PlaceAndMonth("Cần Thơ", new DateOnly(2026, 12, 6)));
}
