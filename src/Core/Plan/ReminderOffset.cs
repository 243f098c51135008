using System.Globalization;
using System.Text.RegularExpressions;

namespace YouthMonth.Core.Plan;

/// <summary>A parsed reminder offset: either whole days before the deadline at a local time, or minutes before.</summary>
public readonly partial record struct ReminderOffset(int DaysBefore, TimeOnly? At, int MinutesBefore)
{
    public static bool TryParse(string? text, out ReminderOffset offset)
    {
        offset = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = DayForm().Match(text.Trim());
        if (m.Success)
        {
            var days = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var hh = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var mm = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (days < 0 || days > 30 || hh > 23 || mm > 59) return false;
            offset = new ReminderOffset(days, new TimeOnly(hh, mm), 0);
            return true;
        }
        m = MinuteForm().Match(text.Trim());
        if (m.Success)
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["u"].Value == "h" ? n * 60 : n;
            if (minutes <= 0 || minutes > 60 * 24 * 30) return false;
            offset = new ReminderOffset(0, null, minutes);
            return true;
        }
        return false;
    }

    /// <summary>The local moment of this reminder for a deadline given in local time.</summary>
    public DateTime ReminderLocalTime(DateTime deadlineLocal) =>
        At is { } at
            ? DateOnly.FromDateTime(deadlineLocal).AddDays(-DaysBefore).ToDateTime(at)
            : deadlineLocal.AddMinutes(-MinutesBefore);

    public override string ToString() =>
        At is { } at ? $"-{DaysBefore}d@{at:HH\\:mm}" : $"-{MinutesBefore}m";

    [GeneratedRegex(@"^-?(?<d>\d{1,2})d@(?<h>\d{1,2}):(?<m>\d{2})$")]
    private static partial Regex DayForm();

    [GeneratedRegex(@"^-(?<n>\d{1,5})(?<u>[mh])$")]
    private static partial Regex MinuteForm();
}
