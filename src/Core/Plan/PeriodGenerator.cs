namespace YouthMonth.Core.Plan;

/// <summary>
/// A weekly reporting rule as plans state it: "a report week runs Saturday to Friday, due Friday 11:00".
/// The deadline is on the first <see cref="DueDay"/> on or after the window's last day.
/// </summary>
public sealed record WeeklyPeriodRule(DayOfWeek WindowStartDay, DayOfWeek DueDay, TimeOnly DueTime);

/// <summary>
/// Generates the weekly periods of a campaign from a <see cref="WeeklyPeriodRule"/>: seven-day windows starting on
/// the rule's weekday, one for each deadline that falls within the campaign's dates (so Cần Thơ 2024, 01–31/3,
/// window Saturday→Friday due Friday 11:00, gets the five Fridays 01, 08, 15, 22 and 29/3; week 1's window starts
/// 24/02). Deadlines are local wall-clock times converted to UTC in the organisation's zone. The generated
/// periods are ordinary rows afterwards: exceptions (Tân Phú's week 1 due Saturday 04/3) are edited one by one.
/// </summary>
public static class PeriodGenerator
{
    public static List<ReportingPeriod> Weekly(WeeklyPeriodRule rule, DateOnly campaignStart, DateOnly campaignEnd, TimeZoneInfo zone)
    {
        var periods = new List<ReportingPeriod>();
        if (campaignEnd < campaignStart) return periods;
        // Start from the window holding the day six days before the campaign, so a deadline on the campaign's
        // first day (Cần Thơ's 01/3) still gets its week; windows whose deadline comes too early are skipped.
        var windowStart = campaignStart.AddDays(-6);
        windowStart = windowStart.AddDays(-(((int)windowStart.DayOfWeek - (int)rule.WindowStartDay + 7) % 7));
        for (var number = 1; ; windowStart = windowStart.AddDays(7))
        {
            var windowEnd = windowStart.AddDays(6);
            var dueDay = windowEnd.AddDays(((int)rule.DueDay - (int)windowEnd.DayOfWeek + 7) % 7);
            if (dueDay > campaignEnd) break;
            if (dueDay < campaignStart) continue;
            periods.Add(new ReportingPeriod
            {
                Kind = PeriodKind.Weekly,
                Number = number,
                Label = WeekLabel(number, windowStart, windowEnd),
                WindowStart = windowStart,
                WindowEnd = windowEnd,
                DeadlineUtc = VietnamTime.ToUtc(dueDay, rule.DueTime, zone),
            });
            number++;
        }
        return periods;
    }

    /// <summary>"Tuần 2 (02/3–08/3)", as the plans write it.</summary>
    public static string WeekLabel(int number, DateOnly start, DateOnly end) =>
        $"Tuần {number} ({start.Day:00}/{start.Month}–{end.Day:00}/{end.Month})";
}
