using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// Issue 11, point 6: a unit's final total that differs from the sum of its weekly reports is flagged with that sum
/// in the summary JSON, the .xlsx ("Tổng các tuần", shaded cell) and the Word report's Phụ lục 1 ("(*)" and a note).
/// </summary>
public sealed class WeeklySumExportTests : IAsyncLifetime
{
    private readonly AdminApp _app = new();
    private ReportSeed _seed = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var db = _app.Db();
        _seed = await ReportSeed.CreateAsync(db, units: 3);
        var (one, two) = (_seed.Units[0], _seed.Units[1]);
        // Unit 1: 1.000 + 234 participants over the weeks, 1.200 in its final report; its trees agree (30);
        // its gift value has no weekly number, so there is nothing to compare. Unit 2 agrees everywhere.
        await _seed.AddReportAsync(db, one, _seed.Weeks[0], ReportStatus.Submitted,
            activities: [new("Ngày Chủ nhật xanh", ActivityCategories.SocialWelfare, V(("participants", 1000), ("trees", 30)))]);
        await _seed.AddReportAsync(db, one, _seed.Weeks[1], ReportStatus.Submitted,
            activities: [new("Sinh hoạt chủ điểm", ActivityCategories.Propaganda, V(("participants", 234)))]);
        await _seed.AddReportAsync(db, one, _seed.Final, ReportStatus.Submitted,
            totals: V(("participants", 1200), ("trees", 30), ("gift_value", 5_000_000)));
        await _seed.AddReportAsync(db, two, _seed.Weeks[0], ReportStatus.Submitted,
            activities: [new("Hiến máu", ActivityCategories.SocialWelfare, V(("participants", 50)))]);
        await _seed.AddReportAsync(db, two, _seed.Final, ReportStatus.Submitted, totals: V(("participants", 50)));
        _app.Clock.SetUtcNow(_seed.Final.DeadlineUtc.AddDays(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private const string Unit1 = "Đoàn cơ sở Thử 01";
    private const string Flag = "Lượt đoàn viên, thanh niên tham gia: 1.234 (tổng kết: 1.200, khác 34)";

    [Fact]
    public async Task The_JSON_the_xlsx_and_the_docx_flag_a_final_total_that_differs_from_the_weekly_sum()
    {
        var viewer = await _app.ClientAsync(ApiRole.Viewer);
        foreach (var scope in new[] { $"periodId={_seed.Final.Id}", $"campaignId={_seed.Campaign.Id}" })
        {
            var json = await (await viewer.GetAsync($"/api/summaries?{scope}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
            var differences = json["weeklySumDifferences"]!.AsArray();
            var only = Assert.Single(differences)!;
            Assert.Equal((Unit1, "participants", 1200m, 1234m, -34m),
                ((string)only["unit"]!, (string)only["code"]!, (decimal)only["final"]!, (decimal)only["weekly"]!, (decimal)only["difference"]!));
        }
        // A weekly scope has no final total to compare.
        var week = await (await viewer.GetAsync($"/api/summaries?periodId={_seed.Weeks[0].Id}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Null(week["weeklySumDifferences"]);

        var xlsx = await (await viewer.GetAsync($"/api/exports/units.xlsx?periodId={_seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK))
            .Content.ReadAsByteArrayAsync();
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var (rows, cells) = Sheet(book, "Theo đơn vị");
            var column = rows[0].IndexOf(SummaryTexts.WeeklySumColumn);
            var participants = rows[0].IndexOf("Lượt đoàn viên, thanh niên tham gia (lượt)");
            Assert.Equal(rows[0].Count - 1, column);
            var one = rows.FindIndex(r => r[1] == Unit1);
            var two = rows.FindIndex(r => r[1] == "Đoàn cơ sở Thử 02");
            Assert.Equal(Flag, rows[one][column]);
            Assert.Equal("", rows[two][column]);
            // The final total stays a number; its cell is shaded, the agreeing unit's is not.
            Assert.Equal("1200", rows[one][participants]);
            Assert.NotEqual(cells[one][participants].StyleIndex!.Value, cells[two][participants].StyleIndex!.Value);
            Assert.Contains([SummaryTexts.WeeklySumSheetNote], Sheet(book, "Tổng hợp").Rows);
        }

        var docx = await (await viewer.GetAsync($"/api/exports/summary.docx?periodId={_seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK))
            .Content.ReadAsByteArrayAsync();
        // With YOUTHMONTH_PREVIEW_DIR set the files are kept for scripts/export-preview.sh.
        if (Environment.GetEnvironmentVariable("YOUTHMONTH_PREVIEW_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "tong-cac-tuan.docx"), docx);
            await File.WriteAllBytesAsync(Path.Combine(dir, "tong-cac-tuan.xlsx"), xlsx);
        }
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
        Assert.Contains($"(*) Số tổng kết khác tổng các báo cáo tuần của chính đơn vị (1 đơn vị): {Unit1} — {Flag}.", text);
        // Phụ lục 1 counts the month (the larger of the final total and the weeks) and marks the number.
        var annex = doc.MainDocumentPart.Document.Body.Descendants<W.Table>()
            .Single(t => t.Descendants<W.TableRow>().First().InnerText.Contains("Tình trạng", StringComparison.Ordinal));
        var row = annex.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).Single(r => r[1] == Unit1);
        Assert.Contains("1.234 (*)", row);
        Assert.DoesNotContain(annex.Descendants<W.TableRow>(), r => r.InnerText.Contains("Thử 02", StringComparison.Ordinal) && r.InnerText.Contains("(*)", StringComparison.Ordinal));
    }

    private static (List<List<string>> Rows, List<List<X.Cell>> Cells) Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Descendants<X.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
        var cells = part.Worksheet.Descendants<X.Row>().Select(r => r.Elements<X.Cell>().ToList()).ToList();
        return (cells.Select(r => r.Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList(), cells);
    }
}
