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
        ["STT", "Đơn vị", "Cụm", "Tình trạng", "Số báo cáo", "Số hoạt động", .. s.Totals.Select(t => $"{t.Label} ({t.Unit})")];

    public static byte[] Xlsx(CampaignSummary s, IReadOnlyList<UnitNumbers> units)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
                new Borders(new Border()) { Count = 1U },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true },
                    new CellFormat { NumberFormatId = 3U, ApplyNumberFormat = true }) { Count = 3U });
            styles.Stylesheet.Save();
            var sheets = book.Workbook.AppendChild(new Sheets());

            var perUnit = units.Select((u, i) => (object[])
            [
                i + 1, u.Name, u.Cluster ?? "", u.Status, u.Reports, u.Activities,
                .. s.Totals.Select(t => (object)u.Values.GetValueOrDefault(t.Code)),
            ]);
            AddSheet(book, sheets, 1U, "Theo đơn vị", Headers(s), perUnit);

            var summaryRows = new List<object[]>
            {
                new object[] { "Đơn vị", s.Header.Organisation },
                new object[] { "Đợt", s.Header.Campaign },
                new object[] { "Phạm vi", s.Header.ScopeLabel },
                new object[] { "Đã báo cáo", s.Reporting.Received, "trên", s.Reporting.Expected },
            };
            summaryRows.AddRange(s.Totals.Select(t => new object[] { t.Label, t.Value, t.Unit }));
            AddSheet(book, sheets, 2U, "Tổng hợp", ["Nội dung", "Kết quả", "Đơn vị tính", ""], summaryRows);
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart book, Sheets sheets, uint id, string name, string[] headers, IEnumerable<object[]> rows)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        part.Worksheet = new Worksheet(data);
        uint r = 1;
        data.Append(Row(r++, headers, header: true));
        foreach (var row in rows) data.Append(Row(r++, row, header: false));
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, object[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(values[c] switch
            {
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n), StyleIndex = 2U },
                decimal d => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, StyleIndex = d == Math.Round(d) ? 2U : 0U,
                    CellValue = new CellValue(d.ToString("0.##", CultureInfo.InvariantCulture)),
                },
                var v => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = header ? 1U : 0U,
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
                .. s.Totals.Select(t => u.Values.GetValueOrDefault(t.Code).ToString("0.##", CultureInfo.InvariantCulture))]);
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
