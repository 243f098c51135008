using DocumentFormat.OpenXml;
using YouthMonth.Core.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// The compiled report as a Word file in the official layout (seed 001): the header block (parent level, the
/// organisation in bold, "***" and the blank document number on the left; ĐOÀN TNCS HỒ CHÍ MINH and the
/// place-and-date line on the right), the title, the reporting status, the numbers table, progress against
/// targets, the per-unit table (on landscape pages), "Nổi bật: …" and an appendix with the highlights' photos.
/// A4, Times New Roman 13.
/// </summary>
/// <summary>The plan's document number ("73-KH/ĐTN") and the day it was issued, as the plan JSON gives them.</summary>
public sealed record PlanReference(string? Number, DateOnly? IssuedOn);

public static class SummaryDocx
{
    private const int MetricColumns = 4;

    // Twentieths of a point. A4 with the usual administrative margins (top/bottom 2 cm, left 3 cm, right 2 cm).
    private const int PageShort = 11906, PageLong = 16838, MarginLeft = 1701, MarginOther = 1134;
    /// <summary>Text width of a portrait page; every portrait table's columns add up to this.</summary>
    internal const int PortraitWidth = PageShort - MarginLeft - MarginOther;
    /// <summary>Text width of a landscape page (the per-unit table, too wide for portrait).</summary>
    internal const int LandscapeWidth = PageLong - MarginLeft - MarginOther;

    /// <param name="photoRoot">Folder of stored photos (Photos:Root); photos not found there are left out of the appendix.</param>
    /// <param name="letterhead">The organisation's header lines, document code, signer and recipients; null = defaults.</param>
    /// <param name="dated">Print the day; by default it is left blank for the day of signing, as offices do.</param>
    /// <param name="final">For a final-kind period: the units' assessments and award proposals (evaluation, proposals, annex 2).</param>
    /// <param name="plan">The plan's number and date, cited in the opening line.</param>
    /// <param name="photoFailures">Photos units sent that could not be downloaded (<see cref="ReportExtras.PhotoFailuresAsync"/>).</param>
    /// <param name="news">The units' activity news by category (<see cref="ActivityNews"/>): the "mặt công tác" prose.</param>
    public static byte[] Build(CampaignSummary s, IReadOnlyList<UnitNumbers> units, string? photoRoot, Plan.Letterhead? letterhead = null,
        bool dated = false, IReadOnlyList<UnitFinalContent>? final = null, IReadOnlyList<NewsCategory>? news = null,
        PlanReference? plan = null, IReadOnlyList<PhotoFailureRow>? photoFailures = null)
    {
        // Sections are numbered as they appear: the prose and the final period's sections are there only with content.
        var section = 0;
        string Numbered(string title) => $"{Roman[section++]}. {title}";
        letterhead ??= new Plan.Letterhead();
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var pageNumbers = PageNumberHeader(main);
            // Everything but the per-unit annex is a small element tree; the annex (a row per unit, 10,000 and more)
            // is written row by row at the end (WriteBody), so the whole document never sits in memory as elements.
            var body = new Body();
            StreamedTable? annex = null;
            var h = s.Header;

            body.Append(HeaderBlock(s, letterhead, dated));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: 28, spaceBefore: 360));
            body.Append(Para($"Kết quả thực hiện {h.Campaign}", bold: true, center: true));
            // Period labels carry their dates in parentheses already ("Tuần 2 (02/3–08/3)"): no second pair.
            body.Append(Para(s.Period?.Label ?? "Tổng hợp toàn đợt", italic: true, center: true));
            if (!string.IsNullOrWhiteSpace(h.Theme)) body.Append(Para($"Chủ đề: “{h.Theme}”", italic: true, center: true));
            // Seed 001 opens with the plan it carries out; the office usually adds the plan's number and date.
            body.Append(Para(Opening(s, plan), justify: true, spaceBefore: 240));

            body.Append(Heading(Numbered("TÌNH HÌNH BÁO CÁO")));
            foreach (var line in StatusLines(s)) body.Append(Para(line, justify: true));
            var missing = s.Missing.Sum(c => c.Units.Count);
            if (missing > 0)
            {
                // Over the whole campaign these units missed some due period, not all: "chưa báo cáo" would be untrue.
                body.Append(Para(s.Period is null ? $"Đơn vị còn thiếu báo cáo của kỳ đã đến hạn ({SummaryNumbers.Format(missing)}):"
                    : $"Đơn vị chưa báo cáo ({SummaryNumbers.Format(missing)}):", bold: true));
                foreach (var cluster in s.Missing)
                    body.Append(Para($"- {cluster.Cluster ?? "Chưa xếp cụm"}: " + string.Join("; ", cluster.Units.Select(u =>
                        s.Period is null ? $"{u.Name} (thiếu {u.MissedPeriods} kỳ)" : u.Name)) + ".", justify: true));
            }

            body.Append(Heading(Numbered("KẾT QUẢ THỰC HIỆN")));
            // As in the chat answer, only the metrics something was reported for; the .xlsx has every column.
            var reported = s.Totals.Where(t => t.Value != 0).ToList();
            if (reported.Count == 0) body.Append(Para("Chưa có số liệu."));
            else body.Append(Table(["STT", "Nội dung", "Kết quả", "Đơn vị tính"], [700, PortraitWidth - 700 - 1900 - 1500, 1900, 1500], numeric: [2],
                reported.Select((t, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Label, SummaryNumbers.Format(t.Value, t.Approximate), t.Unit })));
            if (reported.Any(t => t.Approximate)) body.Append(Para(SummaryTexts.ApproximateNote, italic: true, justify: true));

            news ??= [];
            if (news.Count > 0)
            {
                body.Append(Heading(Numbered("KẾT QUẢ CÁC MẶT CÔNG TÁC")));
                for (var i = 0; i < news.Count; i++) AppendNews(body, main, i + 1, news[i]);
            }

            body.Append(Heading(Numbered("TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU")));
            body.Append(Table(["STT", "Chỉ tiêu", "Kết quả", "Tiến độ"], [700, PortraitWidth - 700 - 2700 - 1200, 2700, 1200], numeric: [3],
                s.Targets.Select(t => new[]
                {
                    t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text,
                    t.Computable ? t.Detail : $"{TargetRules.NotComputable} ({t.Note?.TrimEnd('.')})",
                    t.Computable ? SummaryNumbers.Percent(t.Percent!.Value) : "–",
                })));
            final ??= [];
            var strengths = final.Where(f => !string.IsNullOrWhiteSpace(f.Strengths)).ToList();
            var limitations = final.Where(f => !string.IsNullOrWhiteSpace(f.Limitations)).ToList();
            var nominees = final.SelectMany(f => f.Nominees.Select(n => (f.Unit, n))).ToList();
            if (strengths.Count > 0 || limitations.Count > 0)
            {
                // The units' own words, named, for the office to condense into its evaluation (seed 001's section).
                body.Append(Heading(Numbered("NHẬN XÉT, ĐÁNH GIÁ")));
                body.Append(Para("1. Mặt được", bold: true, keepNext: true));
                if (strengths.Count == 0) body.Append(Para("(Các đơn vị chưa nêu.)", italic: true));
                AppendOpinions(body, strengths.Select(f => (f.Unit, f.Strengths!)));
                body.Append(Para("2. Hạn chế", bold: true, keepNext: true));
                if (limitations.Count == 0) body.Append(Para("(Các đơn vị không nêu hạn chế.)", italic: true));
                AppendOpinions(body, limitations.Select(f => (f.Unit, f.Limitations!)));
            }
            if (nominees.Count > 0)
            {
                body.Append(Heading(Numbered("ĐỀ XUẤT KHEN THƯỞNG")));
                var collectives = nominees.Count(x => x.n.Kind == NominationKind.Collective);
                body.Append(Para($"Các đơn vị đề xuất khen thưởng {SummaryNumbers.Format(collectives)} tập thể và " +
                    $"{SummaryNumbers.Format(nominees.Count - collectives)} cá nhân có thành tích xuất sắc (danh sách tại Phụ lục 2).", justify: true));
            }

            if (s.Highlights.Count > 0)
            {
                var standouts = string.Join("; ", s.Highlights.Select(x =>
                    $"{x.UnitName} ({x.Title}, {SummaryNumbers.Format(x.Participants)} lượt tham gia)"));
                body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }, new Justification { Val = JustificationValues.Both }),
                    Run("Nổi bật: ", bold: true, italic: true), Run(standouts + ".", italic: true)));
            }

            // Closing line and the signature block on the portrait page, as the seed ends: "Nơi nhận" on the left,
            // the signer on the right. The wide per-unit table follows as an annex on a landscape page.
            body.Append(Para(ClosingLine(s), justify: true, spaceBefore: 240, keepNext: true));
            body.Append(SignatureBlock(s, letterhead, PortraitWidth));
            body.Append(SectionBreak(landscape: false, pageNumbers, first: true));

            // On portrait the number columns are too narrow to hold "52.500.000" on one line.
            body.Append(Para("PHỤ LỤC 1: SỐ LIỆU THEO ĐƠN VỊ", bold: true, center: true, keepNext: true));
            var metrics = s.Totals.Where(t => t.Value != 0).Take(MetricColumns).ToList();
            // Units with nothing in any column are named in one line below instead of a row of zeros.
            var withNumbers = units.Where(u => metrics.Any(m => u.Values.GetValueOrDefault(m.Code) != 0)).ToList();
            var hasNumbers = withNumbers.ToHashSet(ReferenceEqualityComparer.Instance);
            var withoutNumbers = units.Where(u => !hasNumbers.Contains(u)).ToList();
            // Over the whole campaign the status reads "3 báo cáo / 3 kỳ đến hạn, 1 trễ": room for it on one line.
            // "Khu vực Lực lượng vũ trang" needs more room than "Cụm 1".
            int[] fixedWidths = [700, 3700, units.Any(u => u.Cluster?.Length > 8) ? 2300 : 1000, units.Any(u => u.Status.Length > 16) ? 2700 : 1700];
            // A few metrics leave room: it goes to the names, not to one very wide number column.
            var metricWidth = Math.Min(2600, (LandscapeWidth - fixedWidths.Sum()) / Math.Max(1, metrics.Count));
            var widths = fixedWidths.Concat(metrics.Select(_ => metricWidth)).ToArray();
            widths[1] += LandscapeWidth - widths.Sum();
            if (withNumbers.Count > 0)
            {
                annex = new StreamedTable(["STT", "Đơn vị", "Cụm", "Tình trạng", .. metrics.Select(m => $"{m.Label} ({m.Unit})")], widths,
                    Numeric: [.. Enumerable.Range(4, metrics.Count)],
                    withNumbers.Select((u, i) => (string[])
                    [
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name, u.Cluster ?? "", u.Status,
                        .. metrics.Select(m => SummaryNumbers.Format(u.Values.GetValueOrDefault(m.Code), u.Approximate.Contains(m.Code))
                            + (u.FinalVsWeekly.ContainsKey(m.Code) ? " " + SummaryTexts.WeeklySumMark : "")),
                    ]));
                body.Append(annex.Placeholder);
            }
            // A unit whose final total is not the sum of its weekly reports: both numbers, for the office to check.
            var differing = units.Where(u => u.FinalVsWeekly.Count > 0).ToList();
            if (differing.Count > 0)
                body.Append(Para(SummaryTexts.WeeklySumDocxNote(differing.Count) + string.Join("; ", differing.Take(WeeklySumUnits).Select(u => u.Name + " — " +
                        string.Join(", ", s.Totals.Where(t => u.FinalVsWeekly.ContainsKey(t.Code)).Select(t => SummaryTexts.WeeklySum(t.Label, u.FinalVsWeekly[t.Code]))))) +
                    (differing.Count > WeeklySumUnits ? SummaryTexts.WeeklySumMore(differing.Count - WeeklySumUnits) : "") + ".",
                    italic: true, justify: true, spaceBefore: 120));
            if (withoutNumbers.Count > 0)
                body.Append(Para($"Không có số liệu ({SummaryNumbers.Format(withoutNumbers.Count)} đơn vị): " +
                    string.Join("; ", withoutNumbers.Select(u => $"{u.Name} ({u.Status.ToLower(VietnamTime.Culture)})")) + ".",
                    italic: true, justify: true, spaceBefore: 120));

            // As the .xlsx's sheet: the reports went without these photos; the office may ask for them again.
            var failedReports = (photoFailures ?? []).GroupBy(f => (f.Unit, f.Period)).ToList();
            foreach (var report in failedReports.Take(PhotoFailureReports))
                body.Append(Para(SummaryTexts.PhotoFailuresDocxNote(report.Key.Unit, report.Key.Period,
                        report.GroupBy(f => f.Activity).Select(a => (a.Key, a.Select(f => (f.Position, f.Reason))))),
                    italic: true, justify: true, spaceBefore: 120));
            if (failedReports.Count > PhotoFailureReports)
                body.Append(Para(SummaryTexts.PhotoFailuresMore(failedReports.Count - PhotoFailureReports), italic: true, justify: true, spaceBefore: 120));

            if (nominees.Count > 0)
            {
                body.Append(Para("PHỤ LỤC 2: DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG", bold: true, center: true, keepNext: true, spaceBefore: 360));
                int[] nomineeWidths = [700, 2800, 1100, 2800, 2100, 0];
                nomineeWidths[^1] = LandscapeWidth - nomineeWidths.Sum();
                body.Append(Table(["STT", "Đơn vị đề xuất", "Tập thể / cá nhân", "Tên", "Chức vụ, đơn vị", "Thành tích"], nomineeWidths, numeric: [],
                    nominees.Select((x, i) => new[]
                    {
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x.Unit,
                        x.n.Kind == NominationKind.Collective ? "Tập thể" : "Cá nhân", x.n.Name, x.n.Position ?? "", x.n.Achievement,
                    })));
            }

            var photos = s.Highlights.Select(x => (x, bytes: ReadPhoto(photoRoot, x.PhotoPath))).Where(p => p.bytes is not null).ToList();
            if (photos.Count > 0)
            {
                body.Append(SectionBreak(landscape: true, pageNumbers));
                body.Append(Para("PHỤ LỤC: HÌNH ẢNH HOẠT ĐỘNG", bold: true, center: true, keepNext: true));
                uint id = 1;
                foreach (var (x, bytes) in photos)
                {
                    body.Append(Picture(main, bytes!, id++));
                    body.Append(Para($"Ảnh {id - 1}: {x.UnitName} — {x.Title}", italic: true, center: true, spaceAfter: 240));
                }
            }

            body.Append(Page(landscape: photos.Count == 0, pageNumbers));
            WriteBody(main, body, annex);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A table written row by row (<see cref="WriteBody"/>): its rows are made one at a time from
    /// <see cref="Rows"/> and forgotten once written. <see cref="Placeholder"/> marks its place in the body.
    /// </summary>
    private sealed record StreamedTable(string[] Headers, int[] Widths, int[] Numeric, IEnumerable<string[]> Rows)
    {
        public Table Placeholder { get; } = new();
    }

    /// <summary>UTF-8 without a byte-order mark, as the SDK saves an element tree: the part's bytes stay as they were.</summary>
    internal static readonly System.Text.Encoding NoBom = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The main part's XML: the body's elements as they are, and in the streamed table's place its properties,
    /// header row and rows, each row built, written and dropped. The same XML as saving the whole tree.
    /// </summary>
    private static void WriteBody(MainDocumentPart main, Body body, StreamedTable? streamed)
    {
        using var writer = OpenXmlWriter.Create(main, NoBom);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        foreach (var element in body.ChildElements)
        {
            if (streamed is null || !ReferenceEquals(element, streamed.Placeholder))
            {
                writer.WriteElement(element);
                continue;
            }
            var table = Table(streamed.Headers, streamed.Widths, streamed.Numeric, []);
            writer.WriteStartElement(table);
            foreach (var child in table.ChildElements) writer.WriteElement(child);
            foreach (var row in streamed.Rows) writer.WriteElement(Row(row, streamed.Widths, streamed.Numeric));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>Most units the weekly-sum note names; the .xlsx column has them all.</summary>
    internal const int WeeklySumUnits = 30;
    /// <summary>Reports with photos that could not be downloaded named one per line; the .xlsx lists them all.</summary>
    internal const int PhotoFailureReports = 30;

    /// <summary>Most lines an evaluation part shows; the rest is counted (each unit's report has its own words).</summary>
    internal const int OpinionLines = 30;

    /// <summary>
    /// The units' own words, one line per distinct text with every unit that wrote it ("- A; B: …"), at most
    /// <see cref="OpinionLines"/> lines, then how many units' words are left to their reports.
    /// </summary>
    private static void AppendOpinions(Body body, IEnumerable<(string Unit, string Text)> opinions)
    {
        var groups = opinions.GroupBy(o => o.Text.Trim().TrimEnd('.'), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Units: g.Select(o => o.Unit).ToList(), Text: g.First().Text.Trim())).ToList();
        foreach (var (unitNames, text) in groups.Take(OpinionLines))
            body.Append(Para($"- {string.Join("; ", unitNames)}: {text}", justify: true));
        if (groups.Count > OpinionLines)
            body.Append(Para($"Cùng ý kiến của {SummaryNumbers.Format(groups.Skip(OpinionLines).Sum(g => g.Units.Count))} đơn vị khác (trong báo cáo của từng đơn vị).",
                italic: true, justify: true));
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    /// <summary>
    /// "Thực hiện Kế hoạch số 73-KH/ĐTN ngày 23/02/2024 về tổ chức Tháng Thanh niên năm 2024, Đoàn Khối … báo cáo kết
    /// quả tổng kết như sau:"; without a plan number "Thực hiện kế hoạch tổ chức …".
    /// </summary>
    internal static string Opening(CampaignSummary s, PlanReference? plan = null)
    {
        var h = s.Header;
        var what = s.Period switch
        {
            null => "toàn đợt",
            { Kind: Plan.PeriodKind.Final } => "tổng kết",
            var p => char.ToLower(p.Label[0], VietnamTime.Culture) + p.Label[1..],
        };
        var cited = plan?.Number is { Length: > 0 } number
            ? $"Kế hoạch số {number}{(plan.IssuedOn is { } on ? $" ngày {on.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : "")} về tổ chức"
            : "kế hoạch tổ chức";
        return $"Thực hiện {cited} {h.Campaign}, {h.Organisation} báo cáo kết quả {what} như sau:";
    }

    /// <summary>Longest news text quoted per activity; the whole text is in the report itself (GET /api/reports/{id}).</summary>
    internal const int NewsLength = 300;

    /// <summary>
    /// One "mặt công tác": "1. Tình nguyện, an sinh xã hội", a sentence with the category's counts, then the units'
    /// activities shown (unit in bold, title, date, the start of the news, links as hyperlinks) and how many more.
    /// </summary>
    private static void AppendNews(Body body, MainDocumentPart main, int number, NewsCategory c)
    {
        body.Append(Para($"{number}. {c.Label}", bold: true, keepNext: true, spaceBefore: 120));
        var participants = c.Participants > 0 ? $", {SummaryNumbers.Format(c.Participants)} lượt đoàn viên, thanh niên tham gia" : "";
        body.Append(Para($"{SummaryNumbers.Format(c.Units)} đơn vị báo cáo {SummaryNumbers.Format(c.Activities)} hoạt động{participants}. " +
            (c.Activities > c.Items.Count ? "Tiêu biểu:" : "Cụ thể:"), justify: true, keepNext: true));
        foreach (var item in c.Items)
        {
            // Left-aligned: a justified line before an unbreakable link is stretched into wide gaps.
            var paragraph = new Paragraph(Run("- "), Run(item.Unit, bold: true), Run(": " + NewsLine(item)));
            var links = item.Links.Take(3).ToList();
            if (links.Count > 0)
            {
                paragraph.Append(Run(" ("));
                for (var i = 0; i < links.Count; i++)
                {
                    if (i > 0) paragraph.Append(Run("; "));
                    paragraph.Append(Link(main, links[i]));
                }
                paragraph.Append(Run(item.Links.Count > links.Count ? $" và {item.Links.Count - links.Count} link khác)" : ")"));
            }
            if (links.Count > 0 || !paragraph.InnerText.EndsWith('…')) paragraph.Append(Run("."));
            body.Append(paragraph);
        }
        if (c.Activities > c.Items.Count)
            body.Append(Para($"Ngoài ra, các đơn vị còn báo cáo {SummaryNumbers.Format(c.Activities - c.Items.Count)} hoạt động khác.",
                italic: true, justify: true));
    }

    /// <summary>"Ngày Chủ nhật xanh (10/3), 120 lượt tham gia: the start of the news…"; a date the title already carries is not repeated.</summary>
    internal static string NewsLine(NewsItem item)
    {
        var line = item.Title.Trim().TrimEnd('.');
        if (item.Date is { } d)
        {
            var date = d.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture);
            if (!line.Contains(date, StringComparison.Ordinal) && !line.Contains($"{d.Day}/{d.Month}", StringComparison.Ordinal)) line += $" ({date})";
        }
        if (item.Participants > 0) line += $", {SummaryNumbers.Format(item.Participants)} lượt tham gia";
        if (!string.IsNullOrWhiteSpace(item.News))
        {
            var news = item.News.Trim().ReplaceLineEndings(" ");
            // Cut at a word boundary, never inside a word.
            if (news.Length > NewsLength)
            {
                var cut = news.LastIndexOf(' ', NewsLength);
                news = news[..(cut > NewsLength / 2 ? cut : NewsLength)].TrimEnd(',', ';', ':', '.', ' ') + "…";
            }
            line += ": " + news.TrimEnd('.');
        }
        return line;
    }

    /// <summary>A clickable link (blue, underlined); text that is not an http(s) address stays plain text.</summary>
    private static OpenXmlElement Link(MainDocumentPart main, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return Run(url);
        var id = main.AddHyperlinkRelationship(uri, true).Id;
        var run = new Run(new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }),
            new DocumentFormat.OpenXml.Wordprocessing.Text(url) { Space = SpaceProcessingModeValues.Preserve });
        return new Hyperlink(run) { Id = id, History = true };
    }

    /// <summary>
    /// Page setup of one section. Pages are numbered at the top centre from page 2, as official documents are
    /// (Nghị định 30/2020/NĐ-CP): <paramref name="first"/> marks the section whose first page has no number.
    /// </summary>
    private static SectionProperties Page(bool landscape, string pageNumbers, bool first = false)
    {
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = pageNumbers },
            landscape
                ? new PageSize { Width = (uint)PageLong, Height = (uint)PageShort, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = (uint)PageShort, Height = (uint)PageLong },
            new PageMargin { Top = MarginOther, Right = (uint)MarginOther, Bottom = MarginOther, Left = (uint)MarginLeft, Header = 567U, Footer = 567U, Gutter = 0U });
        if (first) section.Append(new TitlePage());
        return section;
    }

    /// <summary>Ends the section before it (a new page follows); <paramref name="landscape"/> is that section's orientation.</summary>
    private static Paragraph SectionBreak(bool landscape, string pageNumbers, bool first = false) =>
        new(new ParagraphProperties(Page(landscape, pageNumbers, first)));

    /// <summary>The header with the page number (a PAGE field, centred); returns its relationship id.</summary>
    private static string PageNumberHeader(MainDocumentPart main)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("2"))) { Instruction = " PAGE " }));
        part.Header.Save();
        return main.GetIdOfPart(part);
    }

    /// <summary>"Cần Thơ, ngày 05 tháng 02 năm 2024" / "ngày 16 tháng 3": a leading zero only for days under 10 and months 1–2 (Nghị định 30/2020/NĐ-CP).</summary>
    internal static string PlaceAndDate(string place, DateOnly d) =>
        $"{place}, ngày {(d.Day < 10 ? "0" : "")}{d.Day} tháng {(d.Month < 3 ? "0" : "")}{d.Month} năm {d.Year}";

    /// <summary>
    /// "Trên đây là báo cáo kết quả thực hiện Tháng Thanh niên năm 2024 (Tuần 2 (02/3–08/3)) của …"; a final period
    /// reads "Trên đây là báo cáo tổng kết …", never "…năm 2024, Báo cáo tổng kết và đề nghị khen thưởng, của…".
    /// </summary>
    internal static string ClosingLine(CampaignSummary s)
    {
        var h = s.Header;
        return s.Period switch
        {
            null => $"Trên đây là báo cáo tổng hợp kết quả thực hiện {h.Campaign} của {h.Organisation}.",
            { Kind: Plan.PeriodKind.Final } => $"Trên đây là báo cáo tổng kết {h.Campaign} của {h.Organisation}.",
            var p => $"Trên đây là báo cáo kết quả thực hiện {h.Campaign} ({p.Label}) của {h.Organisation}.",
        };
    }

    /// <summary>"Cần Thơ, ngày      tháng 3 năm 2024": the day left blank for the signer.</summary>
    internal static string PlaceAndMonth(string place, DateOnly d) =>
        $"{place}, ngày       tháng {(d.Month < 3 ? "0" : "")}{d.Month} năm {d.Year}";

    internal static IEnumerable<string> StatusLines(CampaignSummary s)
    {
        var r = s.Reporting;
        if (s.Period is not null)
            yield return $"Tổng số đơn vị: {SummaryNumbers.Format(r.Units)}; đã báo cáo: {SummaryNumbers.Format(r.Received)} " +
                         $"({SummaryNumbers.Percent(r.Percent)}), trong đó đúng hạn {SummaryNumbers.Format(r.OnTime)}, trễ hạn " +
                         $"{SummaryNumbers.Format(r.Late)}, không có hoạt động {SummaryNumbers.Format(r.NoActivity)}.";
        else
        {
            yield return $"Tổng số đơn vị: {SummaryNumbers.Format(r.Units)}; đơn vị đã báo cáo ít nhất một lần: {SummaryNumbers.Format(r.UnitsReportedAtLeastOnce)}.";
            yield return $"Báo cáo đã nhận của các kỳ đã đến hạn: {SummaryNumbers.Format(r.Received)}/{SummaryNumbers.Format(r.Expected)} " +
                         $"({SummaryNumbers.Percent(r.Percent)}), trong đó đúng hạn {SummaryNumbers.Format(r.OnTime)}, trễ hạn " +
                         $"{SummaryNumbers.Format(r.Late)}, không có hoạt động {SummaryNumbers.Format(r.NoActivity)}.";
            foreach (var p in s.Periods)
                yield return $"- {p.Label}: {SummaryNumbers.Format(p.Received)}/{SummaryNumbers.Format(p.Units)} đơn vị " +
                             $"({SummaryNumbers.Percent(p.Percent)})" + (p.DeadlinePassed ? "." : ", chưa đến hạn.");
        }
    }

    /// <summary>
    /// The two-column block at the top of every Đoàn document: issuing body on the left (parent level, the
    /// organisation in bold, "***", the blank document number the office fills in), ĐOÀN TNCS HỒ CHÍ MINH
    /// underlined and the place-and-date line in italics on the right. A borderless table, as in the seed.
    /// </summary>
    private static Table HeaderBlock(CampaignSummary s, Plan.Letterhead letterhead, bool dated)
    {
        var h = s.Header;
        var left = new List<Paragraph>();
        if (letterhead.HeaderLines.Count > 0)
            left.AddRange(letterhead.HeaderLines.Select((line, i) => Para(line, bold: i == letterhead.HeaderLines.Count - 1, center: true)));
        else
        {
            if (!string.IsNullOrWhiteSpace(h.ParentOrganisation)) left.Add(Para(h.ParentOrganisation.ToUpperInvariant(), center: true));
            left.Add(Para(h.Organisation.ToUpperInvariant(), bold: true, center: true));
        }
        left.Add(Para("***", center: true));
        left.Add(Para($"Số:       -{letterhead.DocumentCode ?? Plan.Letterhead.DefaultDocumentCode}", center: true));
        var right = new List<Paragraph>
        {
            Para("ĐOÀN TNCS HỒ CHÍ MINH", bold: true, center: true, underline: true),
            Para(dated ? PlaceAndDate(h.Place, h.GeneratedOn) : PlaceAndMonth(h.Place, h.GeneratedOn), italic: true, center: true, spaceBefore: 240),
        };
        const int leftWidth = 4200;
        return new Table(
            new TableProperties(new TableWidth { Width = Twips(PortraitWidth), Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = Twips(leftWidth) }, new GridColumn { Width = Twips(PortraitWidth - leftWidth) }),
            new TableRow(Cell(leftWidth, left), Cell(PortraitWidth - leftWidth, right)));
    }

    /// <summary>
    /// "Nơi nhận:" (the parent level, the units, the file) on the left; "TM. BAN THƯỜNG VỤ / BÍ THƯ" and room to sign
    /// on the right. Borderless, kept on one page.
    /// </summary>
    private static Table SignatureBlock(CampaignSummary s, Plan.Letterhead letterhead, int width)
    {
        var left = new List<Paragraph> { Para("Nơi nhận:", bold: true, italic: true, size: 24) };
        if (letterhead.Recipients.Count > 0)
            left.AddRange(letterhead.Recipients.Select((r, i) => Para($"- {r.TrimEnd(';', '.')}{(i == letterhead.Recipients.Count - 1 ? "." : ";")}", size: 22)));
        else
        {
            if (!string.IsNullOrWhiteSpace(s.Header.ParentOrganisation)) left.Add(Para($"- {s.Header.ParentOrganisation} (để báo cáo);", size: 22));
            left.Add(Para("- Các cơ sở Đoàn trực thuộc;", size: 22));
            left.Add(Para("- Lưu.", size: 22));
        }
        var right = new List<Paragraph>();
        var capacity = letterhead.SignerCapacity ?? (letterhead.SignerTitle is null ? Plan.Letterhead.DefaultSignerCapacity : null);
        if (!string.IsNullOrWhiteSpace(capacity)) right.Add(Para(capacity, bold: true, center: true, keepNext: true));
        right.Add(Para(letterhead.SignerTitle ?? Plan.Letterhead.DefaultSignerTitle, bold: true, center: true, keepNext: true));
        right.AddRange([Para(""), Para(""), Para("")]);
        if (!string.IsNullOrWhiteSpace(letterhead.SignerName)) right.Add(Para(letterhead.SignerName, bold: true, center: true));
        var leftWidth = width / 2;
        return new Table(
            new TableProperties(new TableWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = Twips(leftWidth) }, new GridColumn { Width = Twips(width - leftWidth) }),
            new TableRow(new TableRowProperties(new CantSplit()), Cell(leftWidth, left), Cell(width - leftWidth, right)));
    }

    /// <summary>A bordered table with a bold header row repeated on every page; rows never split across pages;
    /// <paramref name="numeric"/> columns are right-aligned.</summary>
    private static Table Table(string[] headers, int[] widths, int[] numeric, IEnumerable<string[]> rows)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new Table(
            new TableProperties(new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa }, border(),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        var head = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        head.Append(headers.Select((text, i) => Cell(widths[i], [Para(text, bold: true, center: true, size: 24)], middle: true)));
        table.Append(head);
        foreach (var row in rows) table.Append(Row(row, widths, numeric));
        return table;
    }

    private static TableRow Row(string[] row, int[] widths, int[] numeric)
    {
        var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
        tableRow.Append(row.Select((text, i) => Cell(widths[i], [Para(text, size: 24, center: i == 0, right: numeric.Contains(i))])));
        return tableRow;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, bool middle = false)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (middle) props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(props);
        cell.Append(paragraphs);
        return cell;
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Paragraph Heading(string text) => Para(text, bold: true, spaceBefore: 240, keepNext: true);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int? size = null,
        bool underline = false, int spaceBefore = 0, int spaceAfter = 0, bool right = false, bool justify = false, bool keepNext = false)
    {
        // Children in schema order: keepNext, spacing, jc.
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (spaceBefore > 0 || spaceAfter > 0)
            props.Append(new SpacingBetweenLines { Before = Twips(spaceBefore), After = Twips(spaceAfter > 0 ? spaceAfter : 60) });
        if (center || right || justify)
            props.Append(new Justification { Val = center ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Both });
        var paragraph = new Paragraph();
        if (props.HasChildren) paragraph.Append(props);
        paragraph.Append(Run(text, bold, italic, size, underline));
        return paragraph;
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (size is { } sz) props.Append(new FontSize { Val = sz.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    /// <summary>The photo's bytes when it is a PNG or JPEG inside <paramref name="root"/>; null otherwise.</summary>
    internal static byte[]? ReadPhoto(string? root, string? relativePath)
    {
        if (string.IsNullOrEmpty(root) || string.IsNullOrEmpty(relativePath)) return null;
        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        if (!path.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        return ImageSize(bytes) is null ? null : bytes;
    }

    private static Paragraph Picture(MainDocumentPart main, byte[] bytes, uint id)
    {
        var png = bytes[0] == 0x89;
        var part = main.AddImagePart(png ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var data = new MemoryStream(bytes)) part.FeedData(data);
        var relId = main.GetIdOfPart(part);
        var (w, h) = ImageSize(bytes)!.Value;
        // At most 15 × 10 cm (EMU): two photos and their captions fit on a page, portrait photos included.
        const long maxWidth = 5_400_000L, maxHeight = 3_600_000L;
        var cx = maxWidth;
        var cy = (long)(maxWidth * (double)h / w);
        if (cy > maxHeight) { cx = (long)(cx * (double)maxHeight / cy); cy = maxHeight; }

        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Ảnh {id}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"anh{id}" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        // Kept with its caption, which follows.
        return new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "60" },
            new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }

    /// <summary>Width and height from a PNG header or a JPEG start-of-frame marker.</summary>
    internal static (int Width, int Height)? ImageSize(byte[] b)
    {
        if (b.Length > 24 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
            return (b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19], b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]) is var (w, h) && w > 0 && h > 0 ? (w, h) : null;
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            var length = b[i + 2] << 8 | b[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = b[i + 5] << 8 | b[i + 6];
                var width = b[i + 7] << 8 | b[i + 8];
                return width > 0 && height > 0 ? (width, height) : null;
            }
            i += 2 + length;
        }
        return null;
    }
}
