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
    public void The_demo_shift_leaves_week_1_open_and_names_the_campaign_after_its_new_year()
    {
        // Cần Thơ's week 1 is due Friday 01/3 11:00, the start date. On Sunday 06/12/2026 "this week" would put
        // that deadline on Friday 04/12, already past; the demo goes one week later.
        var doc = SampleFiles.Load("cantho-2024.json");
        var now = new DateTime(2026, 12, 6, 20, 0, 0);

        var shifted = PlanShifter.ShiftWeeks(doc, PlanShifter.WeeksForDemo(doc, now));

        var week1 = shifted.Campaign.Periods.Single(p => p.Kind == PeriodKind.Weekly && p.Number == 1);
        Assert.True(week1.Deadline > now);
        Assert.True(week1.Deadline <= now.AddDays(7));
        Assert.Equal("Tháng Thanh niên năm 2026", shifted.Campaign.Name);
        // On the Wednesday before, this week still works.
        Assert.Equal(new DateTime(2026, 12, 4, 11, 0, 0), PlanShifter.ShiftWeeks(doc, PlanShifter.WeeksForDemo(doc, new DateTime(2026, 12, 2, 9, 0, 0)))
            .Campaign.Periods.Single(p => p.Kind == PeriodKind.Weekly && p.Number == 1).Deadline);
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
