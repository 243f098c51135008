using System.Globalization;
using System.Text;

namespace YouthMonth.Core.Text;

/// <summary>Normalisation and forgiving comparison of Vietnamese text as people type it.</summary>
public static class VietnameseText
{
    /// <summary>NFC form, trimmed; null stays null. Store and show this.</summary>
    public static string? Clean(string? text) =>
        text is null ? null : text.Normalize(NormalizationForm.FormC).Trim();

    /// <summary>
    /// A comparison key: lower case, no diacritics (đ → d), single spaces.
    /// "Không có hoạt động" and "khong co  HOAT DONG" give the same key.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && sb.Length > 0) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    public static bool SameFolded(string? a, string? b) => Fold(a) == Fold(b);
}
