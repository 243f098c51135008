using System.Globalization;
using System.Text.RegularExpressions;

namespace YouthMonth.Core.Text;

/// <summary>
/// Dates as people type them: day first ("08/3", "8/3/2024", "08-03-2024", "8.3.24"), or "hôm nay", "hôm qua",
/// "hôm kia", with or without diacritics and an optional leading "ngày".
/// </summary>
/// <remarks>
/// Without a year the date nearest to today is taken, so "28/12" typed on 3/1 is last December.
/// Whether a date may lie in the future or outside a period is the dialog's decision, not the parser's.
/// </remarks>
public static partial class VietnameseDates
{
    /// <param name="example">A date to show in the error ("06/3 hoặc 06/3/2024"); the dialogs pass one from the
    /// period being reported so the example is a date the person could really mean.</param>
    public static bool TryParse(string? input, DateOnly today, out DateOnly date, out string error, DateOnly? example = null)
    {
        var sample = example is { } e ? $"{Short(e)} hoặc {Format(e)}" : "08/3 hoặc 08/3/2024";
        date = default;
        var shown = VietnameseText.Clean(input) ?? "";
        if (shown.Length > 60) shown = shown[..60];
        var folded = VietnameseText.Fold(input).TrimEnd('.', '!');
        if (folded.Length == 0)
        {
            error = $"Chưa có ngày. Hãy gửi ngày dạng ngày/tháng, ví dụ: {sample}.";
            return false;
        }
        if (folded.StartsWith("ngay ", StringComparison.Ordinal)) folded = folded[5..].Trim();

        switch (folded)
        {
            case "hom nay" or "nay" or "bua nay":
                date = today; error = ""; return true;
            case "hom qua" or "qua":
                date = today.AddDays(-1); error = ""; return true;
            case "hom kia":
                date = today.AddDays(-2); error = ""; return true;
        }

        var match = DayMonthYear().Match(folded);
        if (!match.Success)
        {
            error = $"Chưa hiểu ngày \"{shown}\". Hãy gửi ngày dạng ngày/tháng, ví dụ: {sample}, hoặc \"hôm nay\".";
            return false;
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["y"].Success)
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["y"].Value.Length == 2) year += 2000;
            if (year is < 2000 or > 2100 || !IsValid(year, month, day))
            {
                error = $"Ngày \"{shown}\" không có thật. Hãy gửi ngày dạng ngày/tháng/năm, ví dụ: {sample}.";
                return false;
            }
            date = new DateOnly(year, month, day);
            error = "";
            return true;
        }

        // No year: of last year, this year and next year, the valid date nearest to today.
        DateOnly? best = null;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (!IsValid(year, month, day)) continue;
            var candidate = new DateOnly(year, month, day);
            if (best is null || Math.Abs(candidate.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber))
                best = candidate;
        }
        if (best is null)
        {
            error = $"Ngày \"{shown}\" không có thật. Hãy gửi ngày dạng ngày/tháng, ví dụ: {sample}.";
            return false;
        }
        date = best.Value;
        error = "";
        return true;
    }

    /// <summary>"08/3/2024".</summary>
    public static string Format(DateOnly date) => VietnamTime.FormatDate(date);

    /// <summary>"08/3": day and month as the dialogs write them.</summary>
    public static string Short(DateOnly date) => $"{date.Day:00}/{date.Month}";

    private static bool IsValid(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex DayMonthYear();
}
