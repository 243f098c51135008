using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// The per-unit numbers as .xlsx (sheet "Theo đơn vị", plus "Tổng hợp" with the totals) and as CSV (UTF-8 with
/// BOM so Excel reads the diacritics). Numbers are real numbers in the workbook, plain invariant numbers in CSV.
/// </summary>
public static class UnitNumbersSheet
{
    private static string[] Headers(CampaignSummary s) =>
        ["STT", "Đơn vị", "Cụm", "Tình trạng", "Số báo cáo", "Số hoạt động", .. s.Totals.Select(t => $"{t.Label} ({t.Unit})"),
         SummaryTexts.ApproximateColumn, SummaryTexts.WeeklySumColumn];

    /// <summary>The labels of the unit's numbers that count an estimate: numbers stay numbers, the mark gets its own column.</summary>
    private static string Approximate(CampaignSummary s, UnitNumbers u) =>
        string.Join("; ", s.Totals.Where(t => u.Approximate.Contains(t.Code)).Select(t => t.Label));

    /// <summary>The unit's final totals that differ from the sum of its weekly reports, each with both numbers.</summary>
    private static string WeeklySums(CampaignSummary s, UnitNumbers u) => u.FinalVsWeekly.Count == 0 ? "" :
        string.Join("; ", s.Totals.Where(t => u.FinalVsWeekly.ContainsKey(t.Code)).Select(t => SummaryTexts.WeeklySum(t.Label, u.FinalVsWeekly[t.Code])));

    /// <summary>A number shaded as differing from the unit's weekly sum (see <see cref="SummaryTexts.WeeklySumColumn"/>).</summary>
    private sealed record Shaded(decimal Value);

    /// <summary>Text wrapped in its cell (several metrics' weekly sums do not fit one line).</summary>
    private sealed record Wrapped(string Text);

    private const double WeeklySumWidth = 60;
    /// <summary>Characters of Times New Roman 12 (regular) on one line of that column, measured in LibreOffice.</summary>
    private const double WeeklySumLine = 72;

    // Cell formats (index into cellXfs), Times New Roman 12 like the Word report.
    private const uint Plain = 0U, HeaderCell = 1U, WholeNumber = 2U, Fraction = 3U, TextCell = 4U, Label = 5U, ShadedWhole = 6U, ShadedFraction = 7U,
        WrappedText = 8U;

    public static byte[] Xlsx(CampaignSummary s, IReadOnlyList<UnitNumbers> units) => Xlsx(s, units, null);

    /// <param name="extras">Award proposals and links: sheets "Đề xuất khen thưởng" and "Link" (left out when null).</param>
    public static byte[] Xlsx(CampaignSummary s, IReadOnlyList<UnitNumbers> units, ReportExtras? extras)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            styles.Stylesheet.Save();
            var sheets = book.Workbook.AppendChild(new Sheets());

            // Per unit: a frozen header row and name columns, wide enough for the names; printed landscape with
            // the header row and the STT/name columns repeated on every page.
            var headers = Headers(s);
            var perUnit = units.Select((u, i) =>
            {
                var weekly = WeeklySums(s, u);
                return (Weekly: weekly, Cells: (object[])
                [
                    i + 1, u.Name, u.Cluster ?? "", u.Status, u.Reports, u.Activities,
                    .. s.Totals.Select(t => u.FinalVsWeekly.ContainsKey(t.Code) ? new Shaded(u.Values.GetValueOrDefault(t.Code)) : (object)u.Values.GetValueOrDefault(t.Code)),
                    Approximate(s, u), new Wrapped(weekly),
                ]);
            });
            double[] widths = [6, 62, 10, 30, 11, 11, .. s.Totals.Select(_ => 18d), 30, WeeklySumWidth];
            // Made row by row while the sheet is written (AddSheet): 10,000 units are never all in memory as cells.
            // A row grows only for a long "Tổng các tuần" text: the others keep the sheet's default height.
            var rows = perUnit.Select((r, i) => Row((uint)i + 2, r.Cells, TextCell,
                    r.Weekly.Length > WeeklySumLine ? 17 * Math.Ceiling(r.Weekly.Length / WeeklySumLine) : null))
                .Prepend(Row(1, headers, HeaderCell, HeaderHeight(headers, widths)));
            AddSheet(book, sheets, 1U, "Theo đơn vị", widths, rows, frozenRows: 1, frozenColumns: 2);
            book.Workbook.Append(new DefinedNames(new DefinedName("'Theo đơn vị'!$A:$B,'Theo đơn vị'!$1:$1")
            {
                Name = "_xlnm.Print_Titles", LocalSheetId = 0U,
            }));

            // Summary: what the file is about, then the totals table.
            string[] totalsHeader = ["Nội dung", "Kết quả", "Đơn vị tính", "Ghi chú"];
            double[] summaryWidths = [85, 18, 16, 20];
            var summary = new List<Row>
            {
                Row(1, ["Đơn vị", s.Header.Organisation], Label),
                Row(2, ["Đợt", s.Header.Campaign], Label),
                Row(3, ["Phạm vi", s.Header.ScopeLabel], Label),
                Row(4, ["Báo cáo đã nhận", s.Reporting.Received], Label),
                Row(5, ["Báo cáo phải nộp", s.Reporting.Expected], Label),
                Row(7, totalsHeader, HeaderCell, HeaderHeight(totalsHeader, summaryWidths)),
            };
            summary.AddRange(s.Totals.Select((t, i) => Row((uint)i + 8,
                t.Approximate ? [t.Label, t.Value, t.Unit, SummaryTexts.ApproximateTotal] : [t.Label, t.Value, t.Unit], TextCell)));
            var notes = 0U;
            if (s.Totals.Any(t => t.Approximate))
                summary.Add(Row((uint)s.Totals.Count + 9 + notes++, [SummaryTexts.ApproximateNote], Plain));
            if (units.Any(u => u.FinalVsWeekly.Count > 0))
                summary.Add(Row((uint)s.Totals.Count + 9 + notes++, [SummaryTexts.WeeklySumSheetNote], Plain));
            AddSheet(book, sheets, 2U, "Tổng hợp", summaryWidths, summary, frozenRows: 0, frozenColumns: 0);
            if (extras is not null)
            {
                string[] nomineeHeader = ["STT", "Đơn vị đề xuất", "Kỳ báo cáo", "Tập thể / cá nhân", "Tên", "Chức vụ, đơn vị", "Thành tích"];
                double[] nomineeWidths = [6, 45, 30, 14, 35, 30, 60];
                var nominees = extras.Nominations.Select((n, i) => Row((uint)i + 2,
                    [i + 1, n.Unit, n.Period, n.Kind == Reporting.NominationKind.Collective ? "Tập thể" : "Cá nhân", n.Name, n.Position ?? "", n.Achievement],
                    TextCell)).Prepend(Row(1, nomineeHeader, HeaderCell, HeaderHeight(nomineeHeader, nomineeWidths)));
                AddSheet(book, sheets, 3U, "Đề xuất khen thưởng", nomineeWidths, nominees, frozenRows: 1, frozenColumns: 0);
                string[] linkHeader = ["STT", "Đơn vị", "Kỳ báo cáo", "Hoạt động", "Link"];
                double[] linkWidths = [6, 45, 30, 50, 60];
                var links = extras.Links.Select((l, i) => Row((uint)i + 2, [i + 1, l.Unit, l.Period, l.Activity, l.Url], TextCell))
                    .Prepend(Row(1, linkHeader, HeaderCell, HeaderHeight(linkHeader, linkWidths)));
                AddSheet(book, sheets, 4U, "Link", linkWidths, links, frozenRows: 1, frozenColumns: 0);
                // Photos the bot could not download: the reports went without them; the office may ask for them again.
                if (extras.PhotoFailures is { Count: > 0 } failed)
                {
                    string[] failedHeader = ["STT", "Đơn vị", "Kỳ báo cáo", "Hoạt động", "Ảnh thứ", "Lý do", "Lúc"];
                    double[] failedWidths = [6, 45, 30, 50, 9, 45, 18];
                    var failedRows = new List<Row> { Row(1, failedHeader, HeaderCell, HeaderHeight(failedHeader, failedWidths)) };
                    failedRows.AddRange(failed.Select((f, i) => Row((uint)i + 2,
                        [i + 1, f.Unit, f.Period, f.Activity, f.Position, f.Reason + (f.Detail is { } d ? $" ({d})" : ""),
                            f.FailedAt.ToString("dd/MM/yyyy HH:mm", VietnamTime.Culture)], TextCell)));
                    AddSheet(book, sheets, 5U, SummaryTexts.PhotoFailuresSheet, failedWidths, failedRows, frozenRows: 1, frozenColumns: 0);
                }
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Stylesheet Stylesheet()
    {
        Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" });
        var thin = () => new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "[$-42A]#,##0.##" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "[$-42A]#,##0" }) { Count = 2U },
            new Fonts(Font(false), Font(true)) { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })) { Count = 4U },
            new Borders(new Border(), thin()) { Count = 2U },
            // The "Normal" style in Times New Roman: LibreOffice draws font 0 in the style's font, not the xf's.
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { FontId = 0U, ApplyFont = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                    { FontId = 1U, FillId = 2U, BorderId = 1U, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                // Grouped numbers that stay numbers: [$-42A] (vi-VN) makes LibreOffice show 1.234.567; Excel uses the
                // reader's regional separators whatever the tag.
                new CellFormat { NumberFormatId = 165U, BorderId = 1U, ApplyFont = true, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 164U, BorderId = 1U, ApplyFont = true, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { BorderId = 1U, ApplyFont = true, ApplyBorder = true },
                new CellFormat { FontId = 1U, ApplyFont = true },
                // A final total that differs from the unit's weekly sum: light yellow, as offices mark a cell to check.
                new CellFormat { NumberFormatId = 165U, BorderId = 1U, FillId = 3U, ApplyFont = true, ApplyNumberFormat = true, ApplyBorder = true, ApplyFill = true },
                new CellFormat { NumberFormatId = 164U, BorderId = 1U, FillId = 3U, ApplyFont = true, ApplyNumberFormat = true, ApplyBorder = true, ApplyFill = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                    { BorderId = 1U, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true })
                { Count = 9U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }

    /// <summary>Room for the longest header wrapped in its column (15 points a line), so Excel shows it whole too.</summary>
    private static double HeaderHeight(string[] headers, double[] widths) =>
        15 * headers.Select((h, i) => Math.Ceiling(h.Length / Math.Max(1, widths[i] - 2))).Max() + 4;

    private static void AddSheet(WorkbookPart book, Sheets sheets, uint id, string name, double[] widths, IEnumerable<Row> rows,
        int frozenRows, int frozenColumns)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var view = new SheetView { WorkbookViewId = 0U, TabSelected = id == 1U };
        if (frozenRows > 0 || frozenColumns > 0)
            view.Append(new Pane
            {
                HorizontalSplit = frozenColumns, VerticalSplit = frozenRows, State = PaneStateValues.Frozen,
                TopLeftCell = Column(frozenColumns) + (frozenRows + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            });
        // Written element by element, the rows as they are made: the same XML as saving a Worksheet tree, without the tree.
        using (var writer = OpenXmlWriter.Create(part, SummaryDocx.NoBom))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(view));
            // Rows tall enough for Times New Roman 12 with Vietnamese marks above and below the line.
            writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 17, CustomHeight = true });
            writer.WriteElement(new Columns(widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true,
            })));
            writer.WriteStartElement(new SheetData());
            foreach (var row in rows) writer.WriteElement(row);
            writer.WriteEndElement();
            writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape });
            writer.WriteEndElement();
        }
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    /// <summary>Numbers as real numbers (grouped, bordered); text in <paramref name="textStyle"/>.</summary>
    private static Row Row(uint index, object[] values, uint textStyle, double? height = null)
    {
        var row = new Row { RowIndex = index };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        for (var c = 0; c < values.Length; c++)
        {
            var reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            var numberStyle = textStyle == Label ? Plain : WholeNumber;
            row.Append(values[c] switch
            {
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n), StyleIndex = numberStyle },
                Shaded { Value: var d } => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, StyleIndex = d == Math.Round(d) ? ShadedWhole : ShadedFraction,
                    CellValue = new CellValue(d.ToString("0.##", CultureInfo.InvariantCulture)),
                },
                Wrapped { Text: var text } => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = WrappedText,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                },
                decimal d => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    StyleIndex = d == Math.Round(d) ? numberStyle : textStyle == Label ? Plain : Fraction,
                    CellValue = new CellValue(d.ToString("0.##", CultureInfo.InvariantCulture)),
                },
                var v => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = textStyle == Label && c > 0 ? Plain : textStyle,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    public static byte[] Csv(CampaignSummary s, IReadOnlyList<UnitNumbers> units)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");
        Line(Headers(s));
        var i = 0;
        foreach (var u in units)
            Line([(++i).ToString(CultureInfo.InvariantCulture), u.Name, u.Cluster ?? "", u.Status,
                u.Reports.ToString(CultureInfo.InvariantCulture), u.Activities.ToString(CultureInfo.InvariantCulture),
                .. s.Totals.Select(t => u.Values.GetValueOrDefault(t.Code).ToString("0.##", CultureInfo.InvariantCulture)), Approximate(s, u),
                WeeklySums(s, u)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
