using System.Text;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// The chat answer to /summary: Vietnamese text in sections (status, missing units, numbers, targets,
/// highlights), packed into messages no longer than the channel's limit without cutting a section line, and one
/// photo message per highlight that has a photo.
/// </summary>
public static class SummaryText
{
    /// <summary>Telegram's message limit is 4096 characters and Zalo's 2000; captions on Telegram 1024.</summary>
    public static int LimitFor(Channel channel) => channel == Channel.Zalo ? 2000 : 4096;

    public const int CaptionLimit = 1024;
    public const int MissingNamesPerCluster = 10;
    public const int MissingClustersShown = 30;
    public const int BarWidth = 10;

    /// <summary>The sections of the answer, each a title line followed by its lines.</summary>
    public static IReadOnlyList<Section> Sections(CampaignSummary s)
    {
        var sections = new List<Section>();
        var h = s.Header;
        var generated = $"{h.GeneratedOn.Day:00}/{h.GeneratedOn.Month:00}/{h.GeneratedOn.Year}";
        sections.Add(new($"📊 TỔNG HỢP BÁO CÁO — {h.ScopeLabel.ToUpperInvariant()}",
            [h.Campaign, $"{h.Organisation} · số liệu đến ngày {generated}"]));

        var r = s.Reporting;
        var status = new List<string>();
        if (s.Period is not null)
        {
            status.Add($"Đơn vị đã báo cáo: {N(r.Received)}/{N(r.Expected)} ({SummaryNumbers.Percent(r.Percent)})");
        }
        else
        {
            var due = s.Periods.Count(p => p.DeadlinePassed);
            status.Add(due == 0
                ? "Chưa có kỳ báo cáo nào đến hạn."
                : $"Báo cáo đã nhận: {N(r.Received)}/{N(r.Expected)} ({SummaryNumbers.Percent(r.Percent)}) của {N(due)} kỳ đã đến hạn");
            status.Add($"Đơn vị đã báo cáo ít nhất một lần: {N(r.UnitsReportedAtLeastOnce)}/{N(r.Units)}");
        }
        status.Add($"• Đúng hạn: {N(r.OnTime)}");
        status.Add($"• Trễ hạn: {N(r.Late)}");
        status.Add($"• Không có hoạt động: {N(r.NoActivity)}");
        if (s.Period is null)
            status.AddRange(s.Periods.Select(p => $"– {p.Label}: {N(p.Received)}/{N(p.Units)} ({SummaryNumbers.Percent(p.Percent)})"
                + (p.DeadlinePassed ? "" : " — chưa đến hạn")));
        sections.Add(new("TÌNH HÌNH BÁO CÁO", status));

        var missingCount = s.Missing.Sum(c => c.Units.Count);
        var missing = new List<string>();
        if (missingCount == 0) missing.Add(s.Period is null && s.Periods.All(p => !p.DeadlinePassed)
            ? "Chưa có kỳ nào đến hạn." : "Tất cả đơn vị đã báo cáo. 👏");
        foreach (var cluster in s.Missing.Take(MissingClustersShown))
        {
            var names = cluster.Units.Take(MissingNamesPerCluster)
                .Select(u => s.Period is null ? $"{u.Name} (thiếu {u.MissedPeriods} kỳ)" : u.Name);
            var more = cluster.Units.Count > MissingNamesPerCluster ? $"; … và {N(cluster.Units.Count - MissingNamesPerCluster)} đơn vị khác" : "";
            missing.Add($"• {cluster.Cluster ?? "Chưa xếp cụm"} ({N(cluster.Units.Count)}): {string.Join("; ", names)}{more}");
        }
        if (s.Missing.Count > MissingClustersShown)
            missing.Add($"… và {N(s.Missing.Skip(MissingClustersShown).Sum(c => c.Units.Count))} đơn vị ở {N(s.Missing.Count - MissingClustersShown)} cụm khác (xem danh sách đầy đủ trong file Excel).");
        sections.Add(new($"CHƯA BÁO CÁO ({N(missingCount)})", missing));

        var numbers = s.Totals.Where(t => t.Value != 0)
            .Select(t => $"• {t.Label}: {(t.Approximate ? SummaryTexts.ApproximateMark + " " : "")}{SummaryNumbers.Format(t.Value, t.Unit)}").ToList();
        if (numbers.Count == 0) numbers.Add("Chưa có số liệu.");
        else if (s.Totals.Any(t => t.Value != 0 && t.Approximate)) numbers.Add(SummaryTexts.ApproximateNote);
        sections.Add(new("SỐ LIỆU", numbers));

        if (s.Targets.Count > 0)
        {
            var targets = new List<string>();
            foreach (var t in s.Targets)
            {
                targets.Add($"{t.Number}. {Shorten(t.Text, 120)}");
                targets.Add(t.Computable
                    ? $"   {Bar(t.Percent!.Value)} {SummaryNumbers.Percent(t.Percent.Value)} — {t.Detail}"
                    : $"   {TargetRules.NotComputable} ({t.Note})");
            }
            sections.Add(new("CHỈ TIÊU", targets, LinesPerItem: 2));
        }

        if (s.Highlights.Count > 0)
            sections.Add(new("NỔI BẬT", [.. s.Highlights.Select((x, i) => $"{i + 1}. {HighlightLine(x)}")]));
        return sections;
    }

    /// <summary>The whole answer as one text (the scheduler's post; the sender splits it on lines).</summary>
    public static string Render(CampaignSummary s) => string.Join("\n\n", Sections(s).Select(x => x.Render()));

    /// <summary>The answer as chat messages: text packed to <paramref name="limit"/>, then one photo per highlight that has one.</summary>
    public static IReadOnlyList<OutgoingMessage> Messages(CampaignSummary s, int limit)
    {
        var messages = Pack(Sections(s), limit).Select(t => new OutgoingMessage { Text = t }).ToList();
        foreach (var (x, i) in s.Highlights.Select((x, i) => (x, i)).Where(p => p.x.PhotoId is not null))
            messages.Add(new OutgoingMessage { Text = Shorten($"Nổi bật {i + 1}: {HighlightLine(x)}", CaptionLimit), PhotoId = x.PhotoId });
        return messages;
    }

    /// <summary>
    /// Packs whole sections into messages of at most <paramref name="limit"/> characters. A section too long for
    /// one message is cut between its items (a target's two lines stay together) and continues under its title
    /// marked "(tiếp)"; a single line longer than the limit is cut at a space.
    /// </summary>
    public static IReadOnlyList<string> Pack(IReadOnlyList<Section> sections, int limit)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) messages.Add(current.ToString());
            current.Clear();
        }
        void Append(string block)
        {
            var separator = current.Length == 0 ? "" : "\n\n";
            if (current.Length + separator.Length + block.Length > limit) { Flush(); separator = ""; }
            current.Append(separator).Append(block);
        }

        foreach (var section in sections)
        {
            var whole = section.Render();
            if (whole.Length <= limit) { Append(whole); continue; }
            // Too long for one message: fill it item by item, repeating the title on each continuation.
            var items = section.Items().SelectMany(item => item.Length <= limit - section.Title.Length - 10 ? [item] : CutLine(item, limit / 2)).ToList();
            var chunk = new StringBuilder(section.Title);
            foreach (var item in items)
            {
                if (chunk.Length + 1 + item.Length > limit - 10)
                {
                    Append(chunk.ToString());
                    Flush();
                    chunk.Clear().Append(section.Title).Append(" (tiếp)");
                }
                chunk.Append('\n').Append(item);
            }
            Append(chunk.ToString());
        }
        Flush();
        return messages;
    }

    private static IEnumerable<string> CutLine(string line, int size)
    {
        while (line.Length > size)
        {
            var cut = line.LastIndexOf(' ', size);
            if (cut < size / 2) cut = size;
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
        if (line.Length > 0) yield return line;
    }

    /// <summary>"█████░░░░░" for 50 %: progress towards the goal, full at 100 % and beyond.</summary>
    public static string Bar(decimal percent)
    {
        var filled = (int)Math.Clamp(Math.Round(percent / (100m / BarWidth), MidpointRounding.AwayFromZero), 0, BarWidth);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }

    private static string HighlightLine(Highlight x) =>
        $"{x.UnitName}: {Shorten(x.Title, 150)}" + (x.Date is { } d ? $" ({d.Day:00}/{d.Month})" : "")
        + $" — {SummaryNumbers.Format(x.Participants)} lượt tham gia";

    private static string N(decimal n) => SummaryNumbers.Format(n);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>A titled block of lines; <see cref="LinesPerItem"/> lines belong together and are never split apart.</summary>
    public sealed record Section(string Title, IReadOnlyList<string> Lines, int LinesPerItem = 1)
    {
        public string Render() => Title + "\n" + string.Join("\n", Lines);

        public IEnumerable<string> Items() =>
            Lines.Chunk(LinesPerItem).Select(group => string.Join("\n", group));
    }
}
