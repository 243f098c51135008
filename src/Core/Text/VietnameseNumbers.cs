using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace YouthMonth.Core.Text;

/// <summary>What a number counts: people/things (whole numbers) or money in đồng.</summary>
public enum NumberKind { Count, Money }

/// <summary>
/// Numbers as Vietnamese people type them on a phone: "." groups thousands, "," marks decimals
/// ("1.000" is one thousand, "2,5" is two and a half), with the money words nghìn/ngàn/k, triệu/tr, tỷ/tỉ,
/// with or without diacritics, in any case, and with an optional unit ("đồng", "lượt", "người"…).
/// </summary>
/// <remarks>
/// A bare number after a scale word continues that scale as spoken Vietnamese does: "1tr5" and "1 triệu 5"
/// are 1.500.000, "2 triệu 300" is 2.300.000 (the "nghìn" is left unsaid), "1 tỷ 2" is 1.200.000.000.
/// At most three digits may follow (two after "trăm"); "2 triệu 3000" is refused as unclear, and so is
/// "2 triệu 3 trăm", which people say for 2.300.000 but which reads as 2.000.300.
/// Anything that could be read two ways ("1.2.3", "2,500", "1,234,567") is refused rather than guessed,
/// so that no report ever carries a number the person did not mean.
/// Money is in whole đồng: "2,5" alone (two and a half đồng) is refused with a hint to write "2,5 triệu".
/// </remarks>
public static partial class VietnameseNumbers
{
    // What the parser reads at all; what is plausible for a metric is its cap in the plan (Metric.Cap), which asks
    // the person to confirm rather than refusing.
    public const decimal MaxCount = 1_000_000_000_000m;
    public const decimal MaxMoney = 1_000_000_000_000m;

    private const int MaxInputLength = 80;

    // Scale words, folded (no diacritics, lower case).
    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["tram"] = 100m,
        ["nghin"] = 1_000m, ["ngan"] = 1_000m, ["k"] = 1_000m,
        ["trieu"] = 1_000_000m, ["tr"] = 1_000_000m, ["cu"] = 1_000_000m,
        ["ty"] = 1_000_000_000m, ["ti"] = 1_000_000_000m,
    };

    // Words tolerated after the number (units as the metric catalog and people write them), folded.
    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "dong", "d", "vnd", "vn", "luot", "nguoi", "dvtn", "doan", "vien", "thanh", "nien", "dang",
        "phan", "qua", "hoat", "cong", "trinh", "don", "vi", "mau", "cay", "xanh", "ban", "em",
        "hoc", "sinh", "suat", "chiec", "cai", "cuon", "sach", "bai", "tin", "y", "tuong", "lan", "tv",
    };

    public static bool TryParse(string? input, NumberKind kind, out decimal value, out string error) =>
        TryParse(input, kind, out value, out _, out error);

    /// <param name="approximate">Set when the number came after "khoảng", "hơn", "gần", "trên", "tầm", "trên dưới" …:
    /// the number is recorded and shown as approximate.</param>
    public static bool TryParse(string? input, NumberKind kind, out decimal value, out bool approximate, out string error)
    {
        value = 0;
        approximate = false;
        var example = Example(kind);
        var shown = Shown(input);
        if (string.IsNullOrWhiteSpace(input))
        {
            error = $"Chưa có số nào. Hãy gửi một số, ví dụ: {example}.";
            return false;
        }
        if (shown.Length > MaxInputLength)
        {
            error = $"Tin nhắn quá dài để là một số. Hãy gửi chỉ một số, ví dụ: {example}.";
            return false;
        }

        var folded = VietnameseText.Fold(input).Replace('\u2212', '-').TrimEnd('.', '!', ';');
        if (folded.StartsWith('-') || folded.StartsWith("am ", StringComparison.Ordinal) || AmDigit().IsMatch(folded))
        {
            error = $"Số không được âm: \"{shown}\". Hãy gửi một số từ 0 trở lên, ví dụ: {example}.";
            return false;
        }

        if (PerSuffix().Match(folded) is { Success: true, Index: > 0 } suffix) folded = folded[..suffix.Index].Trim();
        if (ZeroWords.Contains(folded))
        {
            error = "";
            return true;
        }
        var tokens = DigitLetterBoundary().Replace(folded, " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var words in ApproximateWords)
            // "tam" is "tầm" (about) before digits but "tám" (8) in "tám mươi".
            if (tokens.Count > words.Length && tokens.Take(words.Length).SequenceEqual(words)
                && (words is not ["tam"] || char.IsAsciiDigit(tokens[1][0])))
            {
                tokens.RemoveRange(0, words.Length);
                approximate = true;
                break;
            }
        if (!NumberWords.TryRewrite(tokens))
        {
            error = Describe(Problem.NotANumber, shown, kind);
            return false;
        }
        var result = Read([.. tokens], out var problem);
        if (problem is not Problem.None)
        {
            error = Describe(problem, shown, kind);
            return false;
        }

        var max = kind == NumberKind.Count ? MaxCount : MaxMoney;
        if (result > max)
        {
            error = $"Số \"{shown}\" quá lớn (tối đa {Format(max)}). Hãy kiểm tra lại, ví dụ: {example}.";
            return false;
        }
        if (result != decimal.Truncate(result))
        {
            error = kind == NumberKind.Count
                ? $"Số lượng phải là số nguyên, không có phần lẻ: \"{shown}\". Hãy gửi ví dụ: 120."
                : $"Số tiền \"{shown}\" lẻ dưới 1 đồng. Hãy ghi rõ đơn vị, ví dụ: 2,5 triệu hoặc 2.500.000.";
            return false;
        }

        value = result;
        error = "";
        return true;
    }

    /// <summary>"1.234.567", "2,5", "0".</summary>
    public static string Format(decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..].TrimEnd('0');

        var sb = new StringBuilder(text.Length + whole.Length / 3 + 2);
        if (value < 0) sb.Append('-');
        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0) sb.Append('.');
            sb.Append(whole[i]);
        }
        if (fraction.Length > 0) sb.Append(',').Append(fraction);
        return sb.ToString();
    }

    /// <summary>"1.234.567 đồng".</summary>
    public static string Format(decimal value, string unit) =>
        string.IsNullOrWhiteSpace(unit) ? Format(value) : $"{Format(value)} {VietnameseText.Clean(unit)}";

    private enum Problem { None, NotANumber, Unclear, CommaThousands, Compound, TwoNumbers, TooBig }

    private static string Describe(Problem problem, string shown, NumberKind kind) => problem switch
    {
        Problem.Unclear =>
            $"Số \"{shown}\" chưa rõ. Dấu chấm tách hàng nghìn, dấu phẩy cho phần lẻ, ví dụ: 1.500 hoặc 2,5.",
        Problem.CommaThousands =>
            $"Số \"{shown}\" chưa rõ là số lẻ hay hàng nghìn. Hãy dùng dấu chấm để tách hàng nghìn, ví dụ: 2.500 hoặc 2,5.",
        Problem.Compound =>
            $"Số \"{shown}\" chưa rõ. Hãy viết đủ, ví dụ: 2.300.000 hoặc 2 triệu 300 nghìn.",
        Problem.TwoNumbers =>
            $"Số \"{shown}\" chưa rõ: có vẻ là hai số. Hãy gửi một số, dấu chấm tách hàng nghìn, ví dụ: 1.000.000.",
        Problem.TooBig =>
            $"Số \"{shown}\" quá lớn. Hãy kiểm tra lại, ví dụ: {Example(kind)}.",
        _ => $"Chưa hiểu số \"{shown}\". Hãy gửi một số, ví dụ: {Example(kind)}.",
    };

    private static string Example(NumberKind kind) =>
        kind == NumberKind.Count ? "120 hoặc 1.500" : "1.500.000 hoặc 2,5 triệu";

    private static string Shown(string? input)
    {
        var clean = VietnameseText.Clean(input) ?? "";
        return clean.Length <= MaxInputLength ? clean : clean[..MaxInputLength];
    }

    /// <summary>The number part, then scale words, then tolerated unit words; nothing else.</summary>
    private static decimal Read(string[] tokens, out Problem problem)
    {
        tokens = JoinSpaceGroups(tokens);
        problem = Problem.None;
        var i = 0;
        decimal total = 0;
        decimal lastScale = 0; // the scale of the previous group; 0 before the first group
        try
        {
            while (i < tokens.Length && IsNumeral(tokens[i]))
            {
                var literal = tokens[i];
                var scale = 1m;
                var j = i + 1;
                while (j < tokens.Length && Scales.TryGetValue(tokens[j], out var s)) { scale *= s; j++; }

                if (scale == 1m && lastScale > 0)
                {
                    // "1tr5", "2 triệu 300": the digits continue the previous scale.
                    var maxDigits = lastScale >= 1_000m ? 3 : 2;
                    if (!literal.All(char.IsAsciiDigit) || literal.Length > maxDigits) { problem = Problem.Compound; return 0; }
                    total += decimal.Parse(literal, CultureInfo.InvariantCulture) * lastScale / Pow10(literal.Length);
                    i = j;
                    break;
                }
                if (scale == 1m)
                {
                    // A plain number. Two numbers in a row ("120 100", "1 000 000") could be one number grouped with
                    // spaces or two numbers; refused rather than guessed.
                    if (j < tokens.Length && IsNumeral(tokens[j])) { problem = Problem.TwoNumbers; return 0; }
                    var plain = Numeral(literal, allowDotDecimal: false, out problem);
                    if (problem is not Problem.None) return 0;
                    total = plain;
                    i = j;
                    break;
                }

                var number = Numeral(literal, allowDotDecimal: true, out problem);
                if (problem is not Problem.None) return 0;
                // "2 triệu 3 trăm" is said for 2.300.000 (the "nghìn" left unsaid) but reads as 2.000.300: refused.
                if (lastScale > 0 && (scale >= lastScale || number != decimal.Truncate(number) || number * scale >= lastScale
                                      || (scale < 1_000m && lastScale >= 1_000_000m)))
                {
                    problem = Problem.Compound;
                    return 0;
                }
                total += number * scale;
                lastScale = scale;
                i = j;

                if (i < tokens.Length && tokens[i] == "ruoi")
                {
                    // "1 triệu rưỡi": and a half.
                    total += scale / 2;
                    i++;
                    break;
                }
            }
        }
        catch (OverflowException)
        {
            problem = Problem.TooBig;
            return 0;
        }

        if (i == 0) { problem = Problem.NotANumber; return 0; }
        for (; i < tokens.Length; i++)
        {
            if (IsNumeral(tokens[i])) { problem = Problem.TwoNumbers; return 0; }
            if (!UnitWords.Contains(tokens[i])) { problem = Problem.NotANumber; return 0; }
        }
        return total;
    }

    /// <summary>"1 000 000" and "12 500": a 1–3 digit group followed by groups of exactly three digits is one number.</summary>
    private static string[] JoinSpaceGroups(string[] tokens)
    {
        if (tokens.Length < 2 || !IsGroup(tokens[0], 1) || !IsGroup(tokens[1], 3)) return tokens;
        var n = 1;
        while (n < tokens.Length && IsGroup(tokens[n], 3)) n++;
        return [string.Concat(tokens.Take(n)), .. tokens.Skip(n)];

        static bool IsGroup(string t, int min) => t.Length >= min && t.Length <= 3 && t.All(char.IsAsciiDigit);
    }

    // Words meaning "none" typed at a number question, folded.
    private static readonly HashSet<string> ZeroWords = new(StringComparer.Ordinal)
    {
        "khong", "khong co", "ko", "ko co", "k co", "kg", "chua co", "khong ai", "khong co ai", "khong co gi", "khong phan nao", "khong dong nao",
    };

    // Words before a number that make it approximate, folded, longest first.
    private static readonly string[][] ApproximateWords =
        [["tren", "duoi"], ["xap", "xi"], ["khoang"], ["hon"], ["gan"], ["tren"], ["tam"], ["chung"], ["ngot"], ["co", "khoang"]];

    private static bool IsNumeral(string token) =>
        token.Length > 0 && char.IsAsciiDigit(token[0]) && token.All(c => char.IsAsciiDigit(c) || c is '.' or ',');

    /// <summary>
    /// "1.234.567", "2,5", "1.234,5". With <paramref name="allowDotDecimal"/> (a scale word follows) a single dot
    /// not followed by three digits is a decimal point: "1.5 triệu" can only mean 1.500.000.
    /// </summary>
    private static decimal Numeral(string literal, bool allowDotDecimal, out Problem problem)
    {
        problem = Problem.None;
        if (!char.IsAsciiDigit(literal[^1])) { problem = Problem.Unclear; return 0; }
        var commas = literal.Count(c => c == ',');
        if (commas > 1) { problem = Problem.CommaThousands; return 0; }

        var comma = literal.IndexOf(',');
        var whole = comma < 0 ? literal : literal[..comma];
        var fraction = comma < 0 ? "" : literal[(comma + 1)..];
        if (fraction.Contains('.')) { problem = Problem.CommaThousands; return 0; }

        if (whole.Contains('.'))
        {
            var groups = whole.Split('.');
            if (comma < 0 && allowDotDecimal && groups.Length == 2 && groups[1].Length != 3)
            {
                whole = groups[0];
                fraction = groups[1];
            }
            else if (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3))
            {
                whole = string.Concat(groups);
            }
            else
            {
                problem = Problem.Unclear;
                return 0;
            }
        }
        else if (fraction.Length == 3 && whole.Length <= 3 && whole.TrimStart('0').Length > 0)
        {
            // "2,500": two and a half, or (English style) two thousand five hundred?
            problem = Problem.CommaThousands;
            return 0;
        }

        if (whole.Length == 0 || whole.Length > 16 || fraction.Length > 6) { problem = Problem.TooBig; return 0; }
        var value = decimal.Parse(whole, CultureInfo.InvariantCulture);
        if (fraction.Length > 0)
            value += decimal.Parse(fraction, CultureInfo.InvariantCulture) / Pow10(fraction.Length);
        return value;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var k = 0; k < n; k++) p *= 10;
        return p;
    }

    [GeneratedRegex(@"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")]
    private static partial Regex DigitLetterBoundary();

    // "120/tuần", "50 nghìn/người", "45 lượt mỗi tuần": the per-period or per-person suffix says nothing more.
    [GeneratedRegex(@"(?:\s*/\s*|\s+(?:moi|mot|1)\s+)(?:tuan|thang|nguoi|dot|buoi|ngay|ky|lan|hoat dong)\.?$")]
    private static partial Regex PerSuffix();

    [GeneratedRegex(@"^am\d")]
    private static partial Regex AmDigit();
}
