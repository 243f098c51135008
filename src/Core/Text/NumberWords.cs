using System.Globalization;

namespace YouthMonth.Core.Text;

/// <summary>
/// Vietnamese number words below a thousand, as people write them out: "hai mươi" (20), "mười lăm" (15),
/// "hai mươi mốt" (21), "một trăm linh năm" (105), "ba trăm" (300). A run of such words becomes one digit token, so
/// "ba nghìn" and "1 triệu hai trăm nghìn" are read like "3 nghìn" and "1 triệu 200 nghìn". Only forms with one
/// reading are accepted; anything else is left alone and refused by the number parser.
/// </summary>
internal static class NumberWords
{
    // Folded digit words; "mốt" (1), "tư" (4), "lăm"/"nhăm" (5) only occur after "mươi".
    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["nam"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
    };

    private static readonly Dictionary<string, int> AfterTens = new(StringComparer.Ordinal)
    {
        ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["lam"] = 5, ["nham"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
    };

    private static bool IsWord(string t) => Digits.ContainsKey(t) || AfterTens.ContainsKey(t) || t is "muoi" or "tram" or "linh" or "le";

    /// <summary>Rewrites every run of number words in place; false when a run has no single reading.</summary>
    public static bool TryRewrite(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsWord(tokens[i]) || (tokens[i] is "tram" && i > 0 && !IsWord(tokens[i - 1]))) continue;
            var end = i;
            while (end < tokens.Count && IsWord(tokens[end])) end++;
            var run = tokens.GetRange(i, end - i);
            // "3 trăm" keeps working as a digit and a scale word.
            if (run is ["tram"]) continue;
            if (!TryValue(run, out var value)) return false;
            tokens.RemoveRange(i, run.Count);
            tokens.Insert(i, value.ToString(CultureInfo.InvariantCulture));
        }
        return true;
    }

    private static bool TryValue(List<string> run, out int value)
    {
        value = 0;
        var i = 0;
        // Hundreds: "<digit> trăm", then "linh/lẻ <digit>" or tens.
        if (run.Count >= 2 && Digits.TryGetValue(run[0], out var h) && run[1] == "tram")
        {
            value = h * 100;
            i = 2;
            if (i == run.Count) return true;
            if (run[i] is "linh" or "le")
            {
                if (i + 2 != run.Count || !Digits.TryGetValue(run[i + 1], out var u) || u == 0) return false;
                value += u;
                return true;
            }
        }
        // Tens: "mười [unit]" or "<digit> mươi [unit]".
        var rest = run.Skip(i).ToList();
        if (rest is ["muoi", .. var afterTen])
        {
            value += 10;
            return Unit(afterTen, ref value, ten: true);
        }
        if (rest.Count >= 2 && Digits.TryGetValue(rest[0], out var t) && t >= 2 && rest[1] == "muoi")
        {
            value += t * 10;
            return Unit(rest.Skip(2).ToList(), ref value, ten: false);
        }
        // A single digit word: "ba" (3), "ba nghìn" (3.000).
        if (i == 0 && rest is [var one] && Digits.TryGetValue(one, out var d)) { value = d; return true; }
        return false;
    }

    private static bool Unit(List<string> rest, ref int value, bool ten)
    {
        if (rest.Count == 0) return true;
        if (rest.Count != 1 || !AfterTens.TryGetValue(rest[0], out var u)) return false;
        // "mười mốt" and "mười tư" are not said; "mười một", "mười bốn" are.
        if (ten && rest[0] is "tu") return false;
        value += u;
        return true;
    }
}
