using YouthMonth.Core.Text;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// Numbers as summaries show them: <see cref="VietnameseNumbers.Format(decimal)"/> ("1.234.567", "2,5") after
/// rounding to two decimals (percentages to one), so a computed share never prints a long fraction.
/// </summary>
public static class SummaryNumbers
{
    public static string Format(decimal value) =>
        VietnameseNumbers.Format(Math.Round(value, 2, MidpointRounding.AwayFromZero) is var r && r == 0 ? 0 : r);

    public static string Format(decimal value, string unit) => string.IsNullOrEmpty(unit) ? Format(value) : $"{Format(value)} {unit}";

    /// <summary>"≈ 1.200" when the number counts an estimate (see <see cref="SummaryTexts.ApproximateNote"/>).</summary>
    public static string Format(decimal value, bool approximate) => (approximate ? SummaryTexts.ApproximateMark + " " : "") + Format(value);

    /// <summary>"78,4%"</summary>
    public static string Percent(decimal value) => Format(Math.Round(value, 1, MidpointRounding.AwayFromZero)) + "%";
}
