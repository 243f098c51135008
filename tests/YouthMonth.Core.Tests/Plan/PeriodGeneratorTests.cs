using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

public sealed class PeriodGeneratorTests
{
    private static readonly TimeZoneInfo Vietnam = VietnamTime.Zone(VietnamTime.DefaultTimeZoneId);

    [Fact]
    public void Can_Tho_rule_gives_the_five_Fridays_of_March_2024_at_11_local_which_is_04_UTC()
    {
        var rule = new WeeklyPeriodRule(DayOfWeek.Saturday, DayOfWeek.Friday, new TimeOnly(11, 0));

        var periods = PeriodGenerator.Weekly(rule, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), Vietnam);

        Assert.Equal([1, 2, 3, 4, 5], periods.Select(p => p.Number ?? 0));
        Assert.Equal(
            [
                new DateTimeOffset(2024, 3, 1, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 8, 4, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 3, 15, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 22, 4, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 3, 29, 4, 0, 0, TimeSpan.Zero),
            ],
            periods.Select(p => p.DeadlineUtc));
        Assert.All(periods, p => Assert.Equal(PeriodKind.Weekly, p.Kind));
        Assert.Equal((new DateOnly(2024, 2, 24), new DateOnly(2024, 3, 1)), (periods[0].WindowStart, periods[0].WindowEnd));
        Assert.Equal("Tuần 2 (02/3–08/3)", periods[1].Label);
    }

    [Fact]
    public void Tan_Phu_rule_gives_weeks_ending_on_the_Fridays_of_the_month_due_at_09()
    {
        var rule = new WeeklyPeriodRule(DayOfWeek.Saturday, DayOfWeek.Friday, new TimeOnly(9, 0));

        var periods = PeriodGenerator.Weekly(rule, new DateOnly(2023, 2, 26), new DateOnly(2023, 3, 31), Vietnam);

        Assert.Equal(
            [new DateOnly(2023, 3, 3), new DateOnly(2023, 3, 10), new DateOnly(2023, 3, 17), new DateOnly(2023, 3, 24), new DateOnly(2023, 3, 31)],
            periods.Select(p => p.WindowEnd));
        Assert.All(periods, p => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(VietnamTime.ToLocal(p.DeadlineUtc, Vietnam))));
        Assert.All(periods, p => Assert.Equal(DayOfWeek.Friday, VietnamTime.ToLocal(p.DeadlineUtc, Vietnam).DayOfWeek));
    }

    [Fact]
    public void A_Monday_to_Sunday_week_due_the_next_Monday_keeps_its_deadline_after_the_window()
    {
        var rule = new WeeklyPeriodRule(DayOfWeek.Monday, DayOfWeek.Monday, new TimeOnly(8, 0));

        var periods = PeriodGenerator.Weekly(rule, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31), Vietnam);

        Assert.All(periods, p =>
        {
            Assert.Equal(DayOfWeek.Monday, p.WindowStart.DayOfWeek);
            Assert.Equal(p.WindowEnd.AddDays(1), DateOnly.FromDateTime(VietnamTime.ToLocal(p.DeadlineUtc, Vietnam)));
        });
        Assert.Equal(new DateOnly(2024, 5, 6), DateOnly.FromDateTime(VietnamTime.ToLocal(periods[0].DeadlineUtc, Vietnam)));
        Assert.Equal(new DateOnly(2024, 5, 27), DateOnly.FromDateTime(VietnamTime.ToLocal(periods[^1].DeadlineUtc, Vietnam)));
    }
}
