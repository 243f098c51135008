using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

public sealed class PlanShifterTests
{
    [Fact]
    public void Weeks_to_this_week_puts_the_campaign_start_in_the_current_Monday_to_Sunday_week()
    {
        // Cần Thơ starts Friday 01/3/2024; "today" is Wednesday 26/11/2026.
        var weeks = PlanShifter.WeeksToThisWeek(new DateOnly(2024, 3, 1), new DateOnly(2026, 11, 25));
        var shiftedStart = new DateOnly(2024, 3, 1).AddDays(weeks * 7);

        Assert.Equal(DayOfWeek.Friday, shiftedStart.DayOfWeek);
        Assert.InRange(shiftedStart, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29));
    }

    [Fact]
    public void Shifting_the_Can_Tho_sample_keeps_every_weekday_and_time_and_rewrites_dated_labels()
    {
        var doc = SampleFiles.Load("cantho-2024.json");

        var shifted = PlanShifter.ShiftWeeks(doc, 142);

        Assert.Equal(doc.Campaign.StartDate.AddDays(142 * 7), shifted.Campaign.StartDate);
        Assert.Equal(doc.Campaign.Periods.Count, shifted.Campaign.Periods.Count);
        foreach (var (before, after) in doc.Campaign.Periods.Zip(shifted.Campaign.Periods))
        {
            Assert.Equal(before.Deadline.DayOfWeek, after.Deadline.DayOfWeek);
            Assert.Equal(before.Deadline.TimeOfDay, after.Deadline.TimeOfDay);
            Assert.Equal(before.WindowStart.DayOfWeek, after.WindowStart.DayOfWeek);
            Assert.Equal(142 * 7, (after.Deadline - before.Deadline).Days);
        }
        Assert.All(shifted.Campaign.Periods.Where(p => p.Kind == PeriodKind.Weekly),
            p => Assert.Equal(DayOfWeek.Friday, p.Deadline.DayOfWeek));
        var week2 = shifted.Campaign.Periods.Single(p => p.Kind == PeriodKind.Weekly && p.Number == 2);
        Assert.Equal(PeriodGenerator.WeekLabel(2, week2.WindowStart, week2.WindowEnd), week2.Label);
        foreach (var (before, after) in doc.Campaign.Activities.Zip(shifted.Campaign.Activities))
        {
            Assert.Equal(before.Dates.Select(d => d.DayOfWeek), after.Dates.Select(d => d.DayOfWeek));
            if (after.TimeKind is ActivityTimeKind.Day or ActivityTimeKind.Days)
                Assert.Equal(after.Dates, ActivityTimeParser.Parse(after.TimeText).Dates);
        }
        // The shifted plan is still a valid plan.
        Assert.False(PlanValidator.Validate(shifted).Any);
    }
}
