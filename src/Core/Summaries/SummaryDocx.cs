using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// The compiled report as a Word file in the official layout (seed 001): the header block (parent level and
/// organisation on the left, ĐOÀN TNCS HỒ CHÍ MINH and the place-and-date line on the right), the title, the
/// reporting status, the numbers table, progress against targets, the per-unit table, "Nổi bật: …" and an
/// appendix with the highlights' photos. A4, Times New Roman 13.
/// </summary>
public static class SummaryDocx
{
    private const int MetricColumns = 4;

    /// <param name="photoRoot">Folder of stored photos (Photos:Root); photos not found there are left out of the appendix.</param>
    public static byte[] Build(CampaignSummary s, IReadOnlyList<UnitNumbers> units, string? photoRoot)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var h = s.Header;

            body.Append(HeaderBlock(s));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: 28, spaceBefore: 240));
            body.Append(Para($"Kết quả thực hiện {h.Campaign}", bold: true, center: true));
            body.Append(Para(s.Period is null ? "(Tổng hợp toàn đợt)" : $"({s.Period.Label})", italic: true, center: true));
            if (!string.IsNullOrWhiteSpace(h.Theme)) body.Append(Para($"Chủ đề: “{h.Theme}”", italic: true, center: true));

            body.Append(Heading("I. TÌNH HÌNH BÁO CÁO"));
            foreach (var line in StatusLines(s)) body.Append(Para(line));
            var missing = s.Missing.Sum(c => c.Units.Count);
            if (missing > 0)
            {
                body.Append(Para($"Đơn vị chưa báo cáo ({SummaryNumbers.Format(missing)}):", bold: true));
                foreach (var cluster in s.Missing)
                    body.Append(Para($"- {cluster.Cluster ?? "Chưa xếp cụm"}: " + string.Join("; ", cluster.Units.Select(u =>
                        s.Period is null ? $"{u.Name} (thiếu {u.MissedPeriods} kỳ)" : u.Name)) + "."));
            }

            body.Append(Heading("II. KẾT QUẢ THỰC HIỆN"));
            body.Append(Table(["STT", "Nội dung", "Kết quả", "Đơn vị tính"], [700, 5000, 1900, 1500],
                s.Totals.Select((t, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Label, SummaryNumbers.Format(t.Value), t.Unit })));

            body.Append(Heading("III. TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU"));
            body.Append(Table(["STT", "Chỉ tiêu", "Kết quả", "Tiến độ"], [700, 4700, 2500, 1200],
                s.Targets.Select(t => new[]
                {
                    t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text,
                    t.Computable ? t.Detail : $"{TargetRules.NotComputable} ({t.Note})",
                    t.Computable ? SummaryNumbers.Percent(t.Percent!.Value) : "–",
                })));

            body.Append(Heading("IV. SỐ LIỆU THEO ĐƠN VỊ"));
            var metrics = s.Totals.Where(t => t.Value != 0).Take(MetricColumns).ToList();
            var widths = new[] { 600, 3000, 1300, 1700 }.Concat(metrics.Select(_ => 2500 / Math.Max(1, metrics.Count))).ToArray();
            body.Append(Table(["STT", "Đơn vị", "Cụm", "Tình trạng", .. metrics.Select(m => $"{m.Label} ({m.Unit})")], widths,
                units.Select((u, i) => (string[])
                [
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name, u.Cluster ?? "", u.Status,
                    .. metrics.Select(m => SummaryNumbers.Format(u.Values.GetValueOrDefault(m.Code))),
                ])));

            if (s.Highlights.Count > 0)
            {
                var standouts = string.Join("; ", s.Highlights.Select(x =>
                    $"{x.UnitName} ({x.Title}, {SummaryNumbers.Format(x.Participants)} lượt tham gia)"));
                body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "120" }),
                    Run("Nổi bật: ", bold: true, italic: true), Run(standouts + ".", italic: true)));
            }

            var photos = s.Highlights.Select(x => (x, bytes: ReadPhoto(photoRoot, x.PhotoPath))).Where(p => p.bytes is not null).ToList();
            if (photos.Count > 0)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                body.Append(Para("PHỤ LỤC: HÌNH ẢNH HOẠT ĐỘNG", bold: true, center: true));
                uint id = 1;
                foreach (var (x, bytes) in photos)
                {
                    body.Append(Picture(main, bytes!, id++));
                    body.Append(Para($"Ảnh {id - 1}: {x.UnitName} — {x.Title}", italic: true, center: true));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1701U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

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

    private static Table HeaderBlock(CampaignSummary s)
    {
        var h = s.Header;
        var d = h.GeneratedOn;
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(h.ParentOrganisation)) left.Add(Para(h.ParentOrganisation.ToUpperInvariant(), center: true));
        left.Add(Para(h.Organisation.ToUpperInvariant(), bold: true, center: true));
        left.Add(Para("***", center: true));
        var right = new List<Paragraph>
        {
            Para("ĐOÀN TNCS HỒ CHÍ MINH", bold: true, center: true, underline: true),
            Para($"{h.Place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}", italic: true, center: true, spaceBefore: 120),
        };
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil })),
            new TableGrid(new GridColumn { Width = "4200" }, new GridColumn { Width = "4900" }),
            new TableRow(Cell(4200, left), Cell(4900, right)));
        return table;
    }

    private static Table Table(string[] headers, int[] widths, IEnumerable<string[]> rows)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border()),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        head.Append(headers.Select((text, i) => Cell(widths[i], [Para(text, bold: true, center: true, size: 24)])));
        table.Append(head);
        foreach (var row in rows)
            table.Append(new TableRow(row.Select((text, i) => Cell(widths[i], [Para(text, size: 24, center: i == 0)]))));
        return table;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth
        {
            Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa,
        }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Heading(string text) => Para(text, bold: true, spaceBefore: 240);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int? size = null,
        bool underline = false, int spaceBefore = 0)
    {
        var props = new ParagraphProperties();
        if (spaceBefore > 0) props.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "60" });
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
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
        const long maxWidth = 5_760_000L; // 16 cm in EMU
        var cx = maxWidth;
        var cy = (long)(maxWidth * (double)h / w);
        if (cy > 7_200_000L) { cx = (long)(cx * 7_200_000d / cy); cy = 7_200_000L; }

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
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
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
