using System.Globalization;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// Vietnamese number format: dots group thousands, a comma marks decimals ("1.234.567", "2,5").
/// A local stand-in until <c>VietnameseNumbers.Format</c> (branch vntext) lands; same output, so the swap is
/// a rename.
/// </summary>
public static class SummaryNumbers
{
    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static string Format(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("#,0.##", Vietnamese);
        return text == "-0" ? "0" : text;
    }

    public static string Format(decimal value, string unit) => string.IsNullOrEmpty(unit) ? Format(value) : $"{Format(value)} {unit}";

    /// <summary>"78,4%"</summary>
    public static string Percent(decimal value) => Format(Math.Round(value, 1)) + "%";
}
