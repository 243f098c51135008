using System.Globalization;
using System.Text.RegularExpressions;

namespace YouthMonth.Core.Plan;

/// <summary>
/// Moves every date of a plan by a whole number of weeks, so a past sample can be demonstrated with open periods:
/// weekdays are kept (Friday deadlines stay Fridays) and so are times of day. Dates written inside labels
/// ("Tuần 2 (02/3–08/3)") and parsed activity times are rewritten to match.
/// </summary>
public static partial class PlanShifter
{
    /// <summary>Weeks to add so that the campaign starts in the week (Monday–Sunday) of <paramref name="today"/>.</summary>
    public static int WeeksToThisWeek(DateOnly campaignStart, DateOnly today) =>
        (Monday(today).DayNumber - Monday(campaignStart).DayNumber) / 7;

    /// <summary>
    /// Weeks to add for a demo: the campaign starts this week, and one week later again while week 1's deadline
    /// would already be past — a demo that opens with every unit overdue teaches nothing.
    /// </summary>
    public static int WeeksForDemo(PlanDocument doc, DateTime nowLocal)
    {
        var weeks = WeeksToThisWeek(doc.Campaign.StartDate, DateOnly.FromDateTime(nowLocal));
        var firstWeekly = doc.Campaign.Periods.Where(p => p.Kind == PeriodKind.Weekly).Select(p => (DateTime?)p.Deadline).Min();
        while (firstWeekly is { } deadline && deadline.AddDays(weeks * 7) <= nowLocal) weeks++;
        return weeks;
    }

    public static PlanDocument ShiftWeeks(PlanDocument doc, int weeks)
    {
        if (weeks == 0) return doc;
        var days = weeks * 7;
        var c = doc.Campaign;
        string ShiftText(string text) => ShiftDatesInText(text, days, c.StartDate);

        return doc with
        {
            Campaign = c with
            {
                // "Tháng Thanh niên năm 2024" moved into 2027 is called "… năm 2027".
                Name = NewYear(c.Name, c.StartDate.Year, c.StartDate.AddDays(days).Year)!,
                Theme = NewYear(c.Theme, c.StartDate.Year, c.StartDate.AddDays(days).Year),
                StartDate = c.StartDate.AddDays(days),
                EndDate = c.EndDate.AddDays(days),
                IssuedOn = c.IssuedOn?.AddDays(days),
                Periods = [.. c.Periods.Select(p => p with
                {
                    Label = ShiftText(p.Label),
                    WindowStart = p.WindowStart.AddDays(days),
                    WindowEnd = p.WindowEnd.AddDays(days),
                    Deadline = p.Deadline.AddDays(days),
                })],
                Activities = [.. c.Activities.Select(a =>
                {
                    var dates = a.Dates.Select(d => d.AddDays(days)).ToList();
                    var text = a.TimeKind is ActivityTimeKind.Day or ActivityTimeKind.Days or ActivityTimeKind.Before
                        ? ActivityTimeParser.Format(a.TimeKind, dates, a.TimeOfDay)
                        : a.TimeText is null ? null : ShiftText(a.TimeText);
                    return a with { Dates = dates, TimeText = text ?? a.TimeText };
                })],
            },
        };
    }

    private static string? NewYear(string? text, int from, int to) =>
        text is null || from == to ? text
            : Regex.Replace(text, $@"(?<![\d/]){from.ToString(CultureInfo.InvariantCulture)}(?!\d)", to.ToString(CultureInfo.InvariantCulture));

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>Shifts "dd/M" and "dd/M/yyyy" in a text; a date without a year is taken in the campaign's year.</summary>
    private static string ShiftDatesInText(string text, int days, DateOnly campaignStart) =>
        DateInText().Replace(text, m =>
        {
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var hasYear = m.Groups["y"].Success;
            var y = hasYear ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : campaignStart.Year;
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return m.Value;
            var shifted = new DateOnly(y, mo, d).AddDays(days);
            var day = m.Groups["d"].Value.Length == 2 ? shifted.Day.ToString("00", CultureInfo.InvariantCulture) : shifted.Day.ToString(CultureInfo.InvariantCulture);
            var month = m.Groups["m"].Value.Length == 2 ? shifted.Month.ToString("00", CultureInfo.InvariantCulture) : shifted.Month.ToString(CultureInfo.InvariantCulture);
            return hasYear ? $"{day}/{month}/{shifted.Year}" : $"{day}/{month}";
        });

    [GeneratedRegex(@"(?<![\d/,-])(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}))?(?![\d/])")]
    private static partial Regex DateInText();
}
