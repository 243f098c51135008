using System.Globalization;
using System.Text.RegularExpressions;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Plan;

/// <summary>The parsed form of a schedule row's time.</summary>
public sealed record ActivityTime(ActivityTimeKind Kind, IReadOnlyList<DateOnly> Dates, TimeOnly? TimeOfDay)
{
    public static readonly ActivityTime Unspecified = new(ActivityTimeKind.Unspecified, [], null);
}

/// <summary>
/// Reads the time of a schedule row as plans write it: "01/3/2024" (a day), "19,20-22/3/2024" and "17-18/5/2024"
/// (several days), "Trong tháng 5" (a month; the year comes from the campaign), "Trước ngày 31/5/2024" (a
/// deadline), optionally with a time of day "07g30", "14g00", "7h30". Words such as "ngày", "Dự kiến" and a
/// weekday in brackets are ignored. Text it cannot read gives <see cref="ActivityTimeKind.Unspecified"/>:
/// the row then keeps only its text.
/// </summary>
public static partial class ActivityTimeParser
{
    public static ActivityTime Parse(string? text, int? defaultYear = null)
    {
        var folded = VietnameseText.Fold(text).Replace('–', '-').Replace('—', '-');
        if (folded.Length == 0) return ActivityTime.Unspecified;

        TimeOnly? timeOfDay = null;
        var time = TimeOfDayPattern().Match(folded);
        if (time.Success)
        {
            var h = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            var m = time.Groups["m"].Success ? int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (h > 23 || m > 59) return ActivityTime.Unspecified;
            timeOfDay = new TimeOnly(h, m);
            folded = folded.Remove(time.Index, time.Length);
        }

        var month = MonthPattern().Match(folded);
        if (month.Success && !DaysPattern().IsMatch(folded))
        {
            var mm = int.Parse(month.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = Year(month.Groups["y"], defaultYear);
            if (mm is < 1 or > 12 || year is null) return ActivityTime.Unspecified;
            var first = new DateOnly(year.Value, mm, 1);
            return new ActivityTime(ActivityTimeKind.Month, [first, first.AddMonths(1).AddDays(-1)], timeOfDay);
        }

        var days = DaysPattern().Match(folded);
        if (!days.Success) return ActivityTime.Unspecified;
        var monthNumber = int.Parse(days.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = Year(days.Groups["y"], defaultYear);
        if (y is null || monthNumber is < 1 or > 12) return ActivityTime.Unspecified;

        var dates = new SortedSet<DateOnly>();
        foreach (var part in days.Groups["days"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var from = int.Parse(range[0], CultureInfo.InvariantCulture);
            var to = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
            var daysInMonth = DateTime.DaysInMonth(y.Value, monthNumber);
            if (from < 1 || to > daysInMonth || to < from) return ActivityTime.Unspecified;
            for (var d = from; d <= to; d++) dates.Add(new DateOnly(y.Value, monthNumber, d));
        }
        if (dates.Count == 0) return ActivityTime.Unspecified;

        if (folded.Contains("truoc", StringComparison.Ordinal))
            return new ActivityTime(ActivityTimeKind.Before, [dates.Max], timeOfDay);
        return new ActivityTime(dates.Count == 1 ? ActivityTimeKind.Day : ActivityTimeKind.Days, [.. dates], timeOfDay);
    }

    /// <summary>Writes a parsed time back the way plans write it ("07g30 19,20,21,22/3/2024", "Trong tháng 5/2024").</summary>
    public static string? Format(ActivityTimeKind kind, IReadOnlyList<DateOnly> dates, TimeOnly? timeOfDay)
    {
        if (dates.Count == 0 || kind == ActivityTimeKind.Unspecified) return null;
        var sorted = dates.Order().ToList();
        var prefix = timeOfDay is { } t ? VietnamTime.FormatTime(t) + " " : "";
        return kind switch
        {
            ActivityTimeKind.Month => $"{prefix}Trong tháng {sorted[0].Month}/{sorted[0].Year}",
            ActivityTimeKind.Before => $"{prefix}Trước ngày {VietnamTime.FormatDate(sorted[^1])}",
            _ when sorted.All(d => d.Month == sorted[0].Month && d.Year == sorted[0].Year) =>
                $"{prefix}{string.Join(",", sorted.Take(sorted.Count - 1).Select(d => d.Day.ToString("00", CultureInfo.InvariantCulture)))}"
                + (sorted.Count > 1 ? "," : "") + VietnamTime.FormatDate(sorted[^1]),
            _ => prefix + string.Join(", ", sorted.Select(VietnamTime.FormatDate)),
        };
    }

    private static int? Year(Group group, int? defaultYear) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : defaultYear;

    // "07g30", "14g00", "7h", "7h30", "07:30"; not a bare number, so "19,20-22/3" is never read as a time.
    [GeneratedRegex(@"(?<![\d/])(?<h>\d{1,2})(?:g|h|:)(?<m>\d{2})?(?![\d/a-z])")]
    private static partial Regex TimeOfDayPattern();

    [GeneratedRegex(@"\bthang\s+(?<m>\d{1,2})(?:\s*/\s*(?<y>\d{4}))?\b")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"(?<![\d/])(?<days>\d{1,2}(?:\s*-\s*\d{1,2})?(?:\s*,\s*\d{1,2}(?:\s*-\s*\d{1,2})?)*)\s*/\s*(?<m>\d{1,2})(?:\s*/\s*(?<y>\d{4}))?(?![\d/])")]
    private static partial Regex DaysPattern();
}
