using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// Reads one message that carries several numbers, as a secretary types them: "tham gia 1200, quà 50 phần,
/// trị giá 25tr, máu 45". Each part is matched to a metric by its label, an alias or its unit (ignoring case and
/// diacritics); a bare number answers the metric the question named. A number is never recorded under a metric
/// it does not belong to: a unit or a name of a metric the activity does not collect, or a part that could be
/// two metrics, is refused with a question instead.
/// </summary>
public static class MetricMessage
{
    // Units people write after the participants count; they never move the number to another metric.
    private static readonly HashSet<string> ParticipantWords = new(StringComparer.Ordinal)
    {
        "luot", "nguoi", "doan vien", "thanh nien", "dvtn", "ban", "em", "hoc sinh", "sinh vien", "can bo",
    };

    private static readonly HashSet<string> CurrencyWords = new(StringComparer.Ordinal) { "dong", "d", "vnd", "vnđ", "vn" };

    // Words around a number that say nothing ("số người tham gia là 120", "có 45 đơn vị máu").
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "so", "la", "co", "duoc", "gom", "tong", "voi", "dat", "va" };

    /// <param name="text">The message as typed.</param>
    /// <param name="asked">The metrics this activity collects (participants included), in the order they are asked.</param>
    /// <param name="all">Every metric of the campaign, to recognise a number that belongs to one the activity does not collect.</param>
    /// <param name="current">The metric the question named: a bare number is its value.</param>
    /// <param name="example">The example shown when the message is not understood.</param>
    public static bool TryRead(string? text, IReadOnlyList<Metric> asked, IReadOnlyList<Metric> all, Metric current, string example,
        out List<(Metric Metric, decimal Value, bool Approximate)> values, out string error)
    {
        values = [];
        error = "";
        var clean = VietnameseText.Clean(text) ?? "";
        var parts = Split(clean).SelectMany(p => SplitAtNames(p, all)).ToList();
        if (parts.Count == 0)
        {
            VietnameseNumbers.TryParse(clean, Kind(current), out _, out error);
            error = Engine.EngineTexts.WithExample(error, example);
            return false;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            // Only the first part may be a bare number (the one the question named): "1200, quà 50".
            if (!TryReadPart(parts[i], parts.Count == 1, i == 0, asked, all, current, example, out var metric, out var value,
                    out var approximate, out error)) return false;
            values.RemoveAll(v => v.Metric.Code == metric.Code);
            values.Add((metric, value, approximate));
        }
        return true;
    }

    /// <summary>Parts separated by new lines, ";" or a comma followed by a space (a comma inside "1,5" is a decimal).</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || text[i] is '\n' or ';'
                || (text[i] == ',' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || !char.IsAsciiDigit(text[i + 1])));
            if (!end) continue;
            var part = text[start..i].Trim();
            if (part.Length > 0) parts.Add(part);
            start = i + 1;
        }
        return parts;
    }

    /// <summary>
    /// "30 suất quà trị giá 1 triệu rưỡi", "tham gia 300 người 2 công trình trị giá 15 triệu": numbers of several
    /// metrics typed without commas become one part per metric name. The words between two names go with the first
    /// name when it came before its number ("tham gia 200"), else with the second ("200 người tham gia 45 đơn vị
    /// máu"); a second number between them starts the next part. A bare "trị giá" after a name is that metric's value
    /// ("công trình trị giá" is "trị giá công trình"); when no metric is, the part is left whole. A part is only split
    /// when every piece keeps a digit, so "tặng quà trị giá 5 triệu" stays one answer.
    /// </summary>
    private static IEnumerable<string> SplitAtNames(string part, IReadOnlyList<Metric> all)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => Fold(w.Replace(':', ' ').Replace('=', ' ').Trim())).ToList();
        // "giá trị" alone names no metric, but after one it is that metric's value ("khám 50 người giá trị 10 triệu").
        var names = all.SelectMany(m => Names(m).Select(n => (Words: n.Split(' '), Metric: (Metric?)m)))
            .Append((Words: ["gia", "tri"], Metric: null)).OrderByDescending(n => n.Words.Length).ToList();
        var spans = new List<(int Start, int End, Metric? Metric, string[] Name)>();
        for (var i = 0; i < folded.Count;)
        {
            var at = i;
            var match = names.FirstOrDefault(n => at + n.Words.Length <= folded.Count && folded.Skip(at).Take(n.Words.Length).SequenceEqual(n.Words));
            if (match.Words is null) { i++; continue; }
            spans.Add((i, i + match.Words.Length, match.Metric, match.Words));
            i += match.Words.Length;
        }
        if (spans.Count < 2) return [part];
        bool IsDigit(int i) => words[i].Any(char.IsAsciiDigit);
        bool HasDigit(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from)).Any(IsDigit);
        var cuts = new List<int>();
        var renamed = new Dictionary<int, string>();
        var start = 0;
        for (var k = 0; k + 1 < spans.Count; k++)
        {
            var (gapFrom, gapTo) = (spans[k].End, spans[k + 1].Start);
            int cut;
            if (HasDigit(start, spans[k].Start)) cut = gapFrom;             // "200 người tham gia | 45 đơn vị máu"
            else
            {
                // "tham gia 300 người | 2 công trình": the gap's first number is this name's, a later one the next's.
                var digits = Enumerable.Range(gapFrom, gapTo - gapFrom).Where(IsDigit).ToList();
                var next = digits.Skip(1).FirstOrDefault(i => i + 1 >= words.Length || !Magnitudes.Contains(folded[i + 1]), -1);
                cut = next >= 0 ? next : gapTo;
            }
            if (spans[k + 1].Name is ["tri", "gia"] or ["gia", "tri"])
            {
                if (spans[k].Metric is not { } owner) return [part];
                var valueName = Names(owner).Select(n => string.Join(' ', spans[k + 1].Name) + " " + n)
                    .FirstOrDefault(n => all.Any(m => m.Code != owner.Code && Names(m).Contains(n)));
                if (valueName is null) return [part];
                renamed[spans[k + 1].Start] = valueName;
            }
            cuts.Add(cut);
            start = cut;
        }
        cuts.Add(words.Length);
        var pieces = new List<string>();
        start = 0;
        foreach (var cut in cuts)
        {
            var piece = Enumerable.Range(start, cut - start)
                .Where(i => !renamed.Keys.Any(r => i == r + 1 && i < cut))
                .Select(i => renamed.TryGetValue(i, out var name) ? name : words[i]);
            if (!HasDigit(start, cut)) return [part];
            pieces.Add(string.Join(' ', piece));
            start = cut;
        }
        return pieces;
    }

    private static readonly HashSet<string> Magnitudes = new(StringComparer.Ordinal)
        { "tram", "nghin", "ngan", "k", "trieu", "tr", "ty", "ti", "ruoi" };

    private static bool TryReadPart(string part, bool only, bool first, IReadOnlyList<Metric> asked, IReadOnlyList<Metric> all, Metric current,
        string example, out Metric metric, out decimal value, out bool approximate, out string error)
    {
        metric = current;
        value = 0;
        approximate = false;
        error = "";
        var words = part.Replace(':', ' ').Replace('=', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var folded = words.Select(w => VietnameseText.Fold(w)).ToList();

        // The longest metric name in the part wins ("trị giá công trình" over "trị giá" and "công trình").
        Metric? named = null;
        int at = -1, length = 0;
        foreach (var m in OrderedByAsked(all, asked))
            foreach (var name in Names(m))
            {
                var n = name.Split(' ');
                if (n.Length <= length) continue;
                var found = IndexOf(folded, n);
                if (found < 0) continue;
                (named, at, length) = (m, found, n.Length);
            }
        if (named is not null)
        {
            words.RemoveRange(at, length);
            folded.RemoveRange(at, length);
        }
        var trimmed = named is not null;
        for (var i = words.Count - 1; i >= 0; i--)
            if (Filler.Contains(folded[i]))
            {
                words.RemoveAt(i);
                folded.RemoveAt(i);
                trimmed = true;
            }

        // A trailing unit ("50 phần", "1.930 cây") says which metric the number is for, or that it is none of them.
        var unit = TrailingUnit(folded, all);
        var unitMetrics = unit is null ? [] : all.Where(m => Fold(m.Unit) == unit
            || (m.Code == MetricCatalog.Participants && ParticipantWords.Contains(unit))).ToList();
        if (named is not null)
        {
            metric = named;
            if (unit is not null && Accepts(named, unit)) trimmed |= TrimEnd(words, folded, unit);
        }
        else if (unit is not null && unitMetrics.Count > 0)
        {
            if (!Accepts(current, unit))
            {
                var byUnit = asked.Where(m => unitMetrics.Contains(m)).ToList();
                if (byUnit.Count > 1) { error = ReportTexts.MetricAmbiguous(part, byUnit); return false; }
                metric = byUnit.Count == 1 ? byUnit[0] : unitMetrics[0];
            }
            trimmed |= TrimEnd(words, folded, unit);
        }
        else if (!only && Kind(current) == NumberKind.Count && folded.Count > 0 && CurrencyWords.Contains(folded[^1]))
        {
            // "25.000.000 đồng" among other numbers: the activity's one money metric, if it has just one.
            var money = asked.Where(m => m.Kind == MetricKind.Money).ToList();
            if (money.Count != 1) { error = ReportTexts.MetricAmbiguous(part, money); return false; }
            metric = money[0];
        }
        else if (!first)
        {
            error = ReportTexts.MetricUnnamed(part, example);
            return false;
        }

        var code = metric.Code;
        if (!asked.Any(m => m.Code == code))
        {
            error = ReportTexts.MetricNotCollected(part, metric, current);
            return false;
        }
        // A bare answer is parsed as typed, so its errors quote exactly what the person sent.
        if (!VietnameseNumbers.TryParse(trimmed ? string.Join(' ', words) : part, Kind(metric), out value, out approximate, out error)
            // "tặng quà trị giá 5 triệu": the words before the number only said what it is.
            && !(trimmed && words.FindIndex(w => w.Any(char.IsAsciiDigit)) is > 0 and var digit
                && VietnameseNumbers.TryParse(string.Join(' ', words.Skip(digit)), Kind(metric), out value, out approximate, out _)))
        {
            error = Engine.EngineTexts.WithExample(error, example);
            return false;
        }
        return true;
    }

    private static IEnumerable<Metric> OrderedByAsked(IReadOnlyList<Metric> all, IReadOnlyList<Metric> asked) =>
        asked.Concat(all.Where(m => !asked.Any(a => a.Code == m.Code)));

    /// <summary>The label and the aliases, folded.</summary>
    public static IEnumerable<string> Names(Metric m) =>
        new[] { m.Label }.Concat(m.Aliases).Select(Fold).Where(n => n.Length > 0).Distinct();

    private static string? TrailingUnit(List<string> folded, IReadOnlyList<Metric> all)
    {
        string? best = null;
        foreach (var unit in all.Select(m => Fold(m.Unit)).Concat(ParticipantWords).Distinct())
        {
            var u = unit.Split(' ');
            if (folded.Count <= u.Length || (best is not null && best.Split(' ').Length >= u.Length)) continue;
            if (folded.Skip(folded.Count - u.Length).SequenceEqual(u)) best = unit;
        }
        return best;
    }

    private static bool Accepts(Metric metric, string unit) =>
        Fold(metric.Unit) == unit || (metric.Code == MetricCatalog.Participants && ParticipantWords.Contains(unit));

    private static bool TrimEnd(List<string> words, List<string> folded, string unit)
    {
        var n = unit.Split(' ').Length;
        if (folded.Count <= n) return false;
        words.RemoveRange(words.Count - n, n);
        folded.RemoveRange(folded.Count - n, n);
        return true;
    }

    private static int IndexOf(List<string> words, string[] name)
    {
        for (var i = 0; i + name.Length <= words.Count; i++)
            if (words.Skip(i).Take(name.Length).SequenceEqual(name)) return i;
        return -1;
    }

    private static string Fold(string s) => VietnameseText.Fold(s).Trim('.', ',', '!', '?');

    public static NumberKind Kind(Metric m) => m.Kind == MetricKind.Money ? NumberKind.Money : NumberKind.Count;
}
