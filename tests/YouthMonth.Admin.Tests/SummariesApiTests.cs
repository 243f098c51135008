using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace YouthMonth.Admin.Tests;

/// <summary>Summary JSON, the Word/Excel/CSV exports and report review, over reports written straight into the tables.</summary>
public sealed class SummariesApiTests(SummariesApiTests.Seeded seeded) : IClassFixture<SummariesApiTests.Seeded>
{
    // 1×1 PNG: a real image, so the Word file's picture opens everywhere.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public sealed class Seeded : IAsyncLifetime
    {
        public AdminApp App { get; } = new();
        public ReportSeed Seed { get; private set; } = null!;
        public string PhotoRoot { get; } = Path.Combine(Path.GetTempPath(), "ym-export-" + Guid.NewGuid().ToString("N")[..8]);
        public int Week2ReportOfUnit1 { get; private set; }
        public int DraftReport { get; private set; }

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            App.Clock.SetUtcNow(new DateTimeOffset(2024, 3, 16, 5, 0, 0, TimeSpan.Zero));
            Directory.CreateDirectory(Path.Combine(PhotoRoot, "ab"));
            await File.WriteAllBytesAsync(Path.Combine(PhotoRoot, "ab", "hoat-dong.png"), Png);

            await using var db = App.Db();
            Seed = await ReportSeed.CreateAsync(db);
            var u = Seed.Units;
            var w2 = Seed.Weeks[1];
            var photo = await AddPhotoAsync(db, "tg-file-1", "ab/hoat-dong.png");
            Week2ReportOfUnit1 = (await Seed.AddReportAsync(db, u[0], w2, ReportStatus.Submitted, activities:
            [
                new("Ngày Chủ nhật xanh", ActivityCategories.SocialWelfare, V(("participants", 120), ("trees", 30), ("gift_value", 1_234_567)), photo.Id,
                    News: "Ra quân dọn vệ sinh kênh Xáng, trồng 30 cây xanh.", Links: ["https://www.facebook.com/doankhoi/posts/123"]),
                new("Sinh hoạt chủ điểm", ActivityCategories.Propaganda, V(("participants", 50))),
            ])).Id;
            await Seed.AddReportAsync(db, u[1], w2, ReportStatus.Submitted, late: true, activities:
                [new("Hiến máu tình nguyện", ActivityCategories.SocialWelfare, V(("participants", 300), ("trees", 50)))]);
            await Seed.AddReportAsync(db, u[2], w2, ReportStatus.NoActivity);
            DraftReport = (await Seed.AddReportAsync(db, u[3], w2, ReportStatus.Draft)).Id;

            // Unit 1 has a contact who talks to the bot on Telegram.
            var contact = new Contact { UnitId = u[0].Id, Name = "Nguyễn Văn Thử", Role = "Bí thư" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = "5550001", ChatType = ChatType.Private, ContactId = contact.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            try { Directory.Delete(PhotoRoot, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private AdminApp App => seeded.App;
    private ReportSeed Seed => seeded.Seed;
    private int Week2 => Seed.Weeks[1].Id;

    [Fact]
    public async Task The_JSON_summary_has_the_numbers_SQL_gives_and_the_chat_shows()
    {
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        var json = await (await viewer.GetAsync($"/api/summaries?periodId={Week2}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();

        var sqlParticipants = await App.Database.ScalarAsync<decimal>($"""
            SELECT sum(v.value) FROM report_values v JOIN reports r ON r.id = v.report_id
            WHERE r.period_id = {Week2} AND r.status IN ('Submitted','NoActivity') AND v.metric_code = 'participants'
            """);
        var totals = json["totals"]!.AsArray().ToDictionary(t => (string)t!["code"]!, t => (decimal)t!["value"]!);
        Assert.Equal(sqlParticipants, totals["participants"]);
        Assert.Equal(470, totals["participants"]);
        Assert.Equal(3, (int)json["reporting"]!["received"]!);
        Assert.Equal(6, (int)json["reporting"]!["expected"]!);
        Assert.Equal("Đoàn cơ sở Thử 04", (string)json["missing"]![0]!["units"]![0]!["name"]!);
        Assert.Equal("UnitCoverage", (string)json["targets"]![0]!["rule"]!);

        await using var db = App.Db();
        var text = SummaryText.Render((await SummaryQuery.ComputeAsync(db, Seed.Campaign.Id, Week2, App.Clock.GetUtcNow()))!);
        Assert.Contains("470 lượt", text);
        Assert.Contains("1.234.567 đồng", text);

        // The activities' links come with the numbers.
        Assert.Contains(json["links"]!.AsArray(), l => (string)l!["unit"]! == "Đoàn cơ sở Thử 01" && (string)l["activity"]! == "Ngày Chủ nhật xanh"
            && (string)l["url"]! == "https://www.facebook.com/doankhoi/posts/123" && (string)l["period"]! == Seed.Weeks[1].Label);

        var all = await (await viewer.GetAsync($"/api/summaries?campaignId={Seed.Campaign.Id}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Null(all["period"]);
        Assert.Equal("Toàn đợt", (string)all["header"]!["scopeLabel"]!);
    }

    [Fact]
    public async Task Bad_scopes_get_ProblemDetails_naming_the_field()
    {
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        await (await viewer.GetAsync("/api/summaries")).AssertFieldErrorAsync("campaignId");
        await (await viewer.GetAsync($"/api/exports/units.xlsx?campaignId={Seed.Campaign.Id + 99}&periodId={Week2}")).AssertFieldErrorAsync("periodId");
        await viewer.GetAsync("/api/summaries?periodId=999999").AssertStatusAsync(HttpStatusCode.NotFound);
        await viewer.GetAsync("/api/exports/summary.docx?campaignId=999999").AssertStatusAsync(HttpStatusCode.NotFound);
        await (await viewer.GetAsync("/api/summaries?periodId=abc")).AssertFieldErrorAsync("periodId");
    }

    [Fact]
    public async Task The_Word_report_is_valid_in_the_official_layout_with_the_photo_appendix()
    {
        await using var withPhotos = App.WithWebHostBuilder(b => b.UseSetting("Photos:Root", seeded.PhotoRoot));
        var client = withPhotos.CreateClient();
        await using (var scope = withPhotos.Services.CreateAsyncScope())
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName,
                (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("docx-viewer", ApiRole.Viewer)).Secret);

        var undated = await (await client.GetAsync($"/api/exports/summary.docx?periodId={Week2}").AssertStatusAsync(HttpStatusCode.OK))
            .Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(undated), false))
        {
            // The day is left blank for signing; the closing line names the period once, in parentheses.
            var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("Cần Thơ, ngày       tháng 3 năm 2024", text);
            Assert.Contains($"Trên đây là báo cáo kết quả thực hiện Tháng Thanh niên 2024 ({Seed.Weeks[1].Label}) của Đoàn Khối Thử Nghiệm.", text);
        }
        var response = await client.GetAsync($"/api/exports/summary.docx?periodId={Week2}&date=true").AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ExportsApi.DocxType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("THÀNH ĐOÀN CẦN THƠ", text);
            Assert.Contains("ĐOÀN KHỐI THỬ NGHIỆM", text);
            Assert.Contains("ĐOÀN TNCS HỒ CHÍ MINH", text);
            Assert.Contains("Cần Thơ, ngày 16 tháng 3 năm 2024", text);
            Assert.Contains("BÁO CÁO", text);
            Assert.Contains("đã báo cáo: 3 (50%)", text);
            Assert.Contains("1.234.567", text);
            Assert.Contains("Trồng mới ít nhất 100 cây xanh", text);
            Assert.Contains("Đoàn cơ sở Thử 05", text);
            Assert.Contains("Nổi bật: Đoàn cơ sở Thử 02 (Hiến máu tình nguyện, 300 lượt tham gia)", text);
            Assert.Contains("PHỤ LỤC: HÌNH ẢNH HOẠT ĐỘNG", text);
            Assert.Single(doc.MainDocumentPart.ImageParts);
            // The fields of work in prose, from the units' news, the units named and their links clickable.
            Assert.Contains("III. KẾT QUẢ CÁC MẶT CÔNG TÁC\n1. Tình nguyện, an sinh xã hội\n" +
                "2 đơn vị báo cáo 2 hoạt động, 420 lượt đoàn viên, thanh niên tham gia. Cụ thể:\n" +
                $"- Đoàn cơ sở Thử 01: Ngày Chủ nhật xanh ({Seed.Weeks[1].WindowEnd.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)}), 120 lượt tham gia: Ra quân dọn vệ sinh kênh Xáng, trồng 30 cây xanh " +
                "(https://www.facebook.com/doankhoi/posts/123).\n", text);
            Assert.Contains("2. Tuyên truyền, giáo dục\n", text);
            Assert.Contains("IV. TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU", text);
            var link = doc.MainDocumentPart.Document.Body!.Descendants<W.Hyperlink>().Single();
            Assert.Equal("https://www.facebook.com/doankhoi/posts/123",
                doc.MainDocumentPart.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri.ToString());
            AssertOfficialLayout(doc.MainDocumentPart.Document.Body!);
            // Page numbers at the top centre from page 2: one header with a PAGE field in every section, none on page 1.
            var pageNumber = doc.MainDocumentPart.HeaderParts.Single();
            Assert.Equal(" PAGE ", pageNumber.Header.Descendants<DocumentFormat.OpenXml.Wordprocessing.SimpleField>().Single().Instruction?.Value);
            var sections = doc.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().ToList();
            Assert.All(sections, s => Assert.Equal(doc.MainDocumentPart.GetIdOfPart(pageNumber),
                s.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.HeaderReference>()?.Id?.Value));
            Assert.NotNull(sections[0].GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TitlePage>());
        }
        await ConvertsWithLibreOfficeAsync(bytes, "docx",
            "ĐOÀN TNCS HỒ CHÍ MINH", "Cần Thơ, ngày 16 tháng 3 năm 2024", "1.234.567", "PHỤ LỤC 1: SỐ LIỆU THEO ĐƠN VỊ", "PHỤ LỤC: HÌNH ẢNH HOẠT ĐỘNG");
    }

    [Fact]
    public async Task The_final_Word_report_carries_the_units_assessments_and_award_proposals_in_an_annex()
    {
        await using (var db = App.Db())
        {
            // Units 5 and 6 report nothing else, so the other tests' figures stay as they are.
            var five = await Seed.AddReportAsync(db, Seed.Units[4], Seed.Final, ReportStatus.Submitted);
            var six = await Seed.AddReportAsync(db, Seed.Units[5], Seed.Final, ReportStatus.Submitted);
            var reports = await db.Reports.Where(r => r.Id == five.Id || r.Id == six.Id).ToListAsync();
            foreach (var r in reports)
            {
                var mine = r.Id == five.Id;
                r.Assessment = mine ? "Tổ chức ngày hội hiến máu với 60 đơn vị máu." : "Ra quân dọn vệ sinh 3 tuyến kênh.";
                r.Limitations = mine ? "Báo cáo tuần 1 còn chậm." : null;
                db.Nominations.Add(new Nomination { ReportId = r.Id, Kind = NominationKind.Collective, Name = mine ? "Chi đoàn Khoa Nội" : "Chi đoàn Phòng Hành chính", Position = "Đơn vị trực thuộc", Reason = "Tổ chức 3 hoạt động tình nguyện." });
                db.Nominations.Add(new Nomination { ReportId = r.Id, Kind = NominationKind.Individual, Name = mine ? "Nguyễn Văn An" : "Lê Thị Hoa", Position = "Bí thư chi đoàn", Reason = "Vận động 40 đoàn viên hiến máu." });
            }
            await db.SaveChangesAsync();
        }
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        var bytes = await (await viewer.GetAsync($"/api/exports/summary.docx?periodId={Seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
        // The final report's prose covers the whole campaign's news (its own reports carry numbers).
        Assert.Contains("III. KẾT QUẢ CÁC MẶT CÔNG TÁC", text);
        Assert.Contains("V. NHẬN XÉT, ĐÁNH GIÁ", text);
        Assert.Contains("- Đoàn cơ sở Thử 05: Tổ chức ngày hội hiến máu với 60 đơn vị máu.", text);
        Assert.Contains("- Đoàn cơ sở Thử 05: Báo cáo tuần 1 còn chậm.", text);
        Assert.Contains("VI. ĐỀ XUẤT KHEN THƯỞNG", text);
        Assert.Contains("Các đơn vị đề xuất khen thưởng 2 tập thể và 2 cá nhân", text);
        Assert.Contains("Trên đây là báo cáo tổng kết Tháng Thanh niên 2024 của Đoàn Khối Thử Nghiệm.", text);
        Assert.True(text.IndexOf("BÍ THƯ", StringComparison.Ordinal) < text.IndexOf("PHỤ LỤC 2: DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG", StringComparison.Ordinal));
        var annex = doc.MainDocumentPart.Document.Body!.Elements<W.Table>().Last();
        var rows = annex.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["STT", "Đơn vị đề xuất", "Tập thể / cá nhân", "Tên", "Chức vụ, đơn vị", "Thành tích"], rows[0]);
        Assert.Contains(["Đoàn cơ sở Thử 05", "Cá nhân", "Nguyễn Văn An", "Bí thư chi đoàn", "Vận động 40 đoàn viên hiến máu."], rows.Select(r => r.Skip(1).ToList()));
        Assert.Equal(5, rows.Count);

        // The JSON summary lists them too.
        var json = await (await viewer.GetAsync($"/api/summaries?periodId={Seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        var proposals = json["nominations"]!.AsArray();
        Assert.Equal(4, proposals.Count);
        Assert.Contains(proposals, n => (string)n!["unit"]! == "Đoàn cơ sở Thử 05" && (string)n["kind"]! == "Individual"
            && (string)n["name"]! == "Nguyễn Văn An" && (string)n["achievement"]! == "Vận động 40 đoàn viên hiến máu.");

        // The .xlsx carries the proposals on a sheet of their own.
        var xlsx = await (await viewer.GetAsync($"/api/exports/units.xlsx?periodId={Seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var nominees = SheetRows(book, "Đề xuất khen thưởng");
        Assert.Equal(["STT", "Đơn vị đề xuất", "Kỳ báo cáo", "Tập thể / cá nhân", "Tên", "Chức vụ, đơn vị", "Thành tích"], nominees[0]);
        Assert.Equal(5, nominees.Count);
        Assert.Contains(["Đoàn cơ sở Thử 05", "Báo cáo tổng kết", "Cá nhân", "Nguyễn Văn An", "Bí thư chi đoàn", "Vận động 40 đoàn viên hiến máu."],
            nominees.Select(r => r.Skip(1).ToList()));
    }

    private static List<List<string>> SheetRows(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Descendants<X.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<X.Row>().Select(r => r.Elements<X.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }

    [Fact]
    public async Task The_Excel_and_CSV_per_unit_numbers_add_up_to_the_summary()
    {
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        var xlsx = await (await viewer.GetAsync($"/api/exports/units.xlsx?periodId={Week2}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var sheet = doc.WorkbookPart!.WorksheetParts.First().Worksheet;
            var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
            Assert.Equal(7, rows.Count); // header + 6 units
            var participants = rows[0].IndexOf("Lượt đoàn viên, thanh niên tham gia (lượt)");
            Assert.Equal(470m, rows.Skip(1).Sum(r => decimal.Parse(r[participants], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(rows, r => r[1] == "Đoàn cơ sở Thử 01" && r[3] == "Đúng hạn" && r[participants] == "170");
            Assert.Contains(rows, r => r[1] == "Đoàn cơ sở Thử 02" && r[3] == "Trễ hạn");
            Assert.Contains(rows, r => r[1] == "Đoàn cơ sở Thử 04" && r[3] == "Chưa báo cáo");
            AssertReadableSheets(doc.WorkbookPart, rows);
            // The activities' links, a row each: unit, period, activity, URL.
            Assert.Contains(["Đoàn cơ sở Thử 01", Seed.Weeks[1].Label, "Ngày Chủ nhật xanh", "https://www.facebook.com/doankhoi/posts/123"],
                SheetRows(doc, "Link").Select(r => r.Skip(1).ToList()));
        }
        await ConvertsWithLibreOfficeAsync(xlsx, "xlsx", "Đoàn cơ sở Thử 01", "Trễ hạn", "1.234.567");

        var csv = await (await viewer.GetAsync($"/api/exports/units.csv?campaignId={Seed.Campaign.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("STT,Đơn vị,Cụm,Tình trạng,Số báo cáo,Số hoạt động,\"Lượt đoàn viên, thanh niên tham gia (lượt)\"", lines[0]);
        Assert.True(lines.Any(l => l.StartsWith("1,Đoàn cơ sở Thử 01,Cụm 1,1 báo cáo / 3 kỳ đến hạn,1,2,170,", StringComparison.Ordinal)), string.Join("\n", lines));
    }

    /// <summary>
    /// The whole campaign's per-unit annex (written row by row, not as one element tree): a header, then one row per
    /// unit with numbers in its columns — the same units and numbers as the CSV of the same scope, in the same order.
    /// </summary>
    [Fact]
    public async Task The_whole_campaign_Word_annex_has_a_row_per_unit_with_numbers_matching_the_CSV()
    {
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        var csv = await (await viewer.GetAsync($"/api/exports/units.csv?campaignId={Seed.Campaign.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        var docx = await (await viewer.GetAsync($"/api/exports/summary.docx?campaignId={Seed.Campaign.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();

        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(CsvFields).ToList();
        var header = lines[0];
        var units = lines.Skip(1).ToList();
        // The annex's number columns: the first four metrics with a total, as the CSV's column sums give them.
        var metricColumns = Enumerable.Range(6, header.IndexOf(SummaryTexts.ApproximateColumn) - 6)
            .Where(c => units.Sum(u => decimal.Parse(u[c], System.Globalization.CultureInfo.InvariantCulture)) != 0).Take(4).ToList();
        var withNumbers = units.Where(u => metricColumns.Any(c => decimal.Parse(u[c], System.Globalization.CultureInfo.InvariantCulture) != 0)).ToList();
        Assert.NotEmpty(withNumbers);

        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var title = body.Elements<W.Paragraph>().Single(p => p.InnerText == "PHỤ LỤC 1: SỐ LIỆU THEO ĐƠN VỊ");
        var annex = title.ElementsAfter().OfType<W.Table>().First();
        var rows = annex.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["STT", "Đơn vị", "Cụm", "Tình trạng", .. metricColumns.Select(c => header[c])], rows[0]);
        Assert.Equal(withNumbers.Count, rows.Count - 1);
        for (var i = 0; i < withNumbers.Count; i++)
        {
            var u = withNumbers[i];
            Assert.Equal([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), u[1], u[2], u[3],
                .. metricColumns.Select(c => SummaryNumbers.Format(decimal.Parse(u[c], System.Globalization.CultureInfo.InvariantCulture)))],
                rows[i + 1].Select(t => t.Replace(SummaryTexts.ApproximateMark + " ", "", StringComparison.Ordinal)
                    .Replace(" " + SummaryTexts.WeeklySumMark, "", StringComparison.Ordinal)));
        }
        // One row as a reader sees it: unit 1 over the whole campaign, with its 170 participants of week 2.
        Assert.Contains(rows, r => r[1] == "Đoàn cơ sở Thử 01" && r[2] == "Cụm 1" && r[3].StartsWith("1 báo cáo / 3 kỳ đến hạn", StringComparison.Ordinal)
            && r.Contains("170"));
    }

    /// <summary>One CSV line (RFC 4180 quoting) as its fields.</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public async Task Returning_a_report_tells_its_contacts_what_to_fix_and_bad_reviews_are_refused()
    {
        var admin = await App.ClientAsync();
        var report = seeded.Week2ReportOfUnit1;
        await (await admin.PostJsonAsync($"/api/reports/{report}/review", """{"decision": "Returned"}""")).AssertFieldErrorAsync("reason");
        await (await admin.PostJsonAsync($"/api/reports/{report}/review", """{"decision": "Maybe"}""")).AssertFieldErrorAsync("decision");
        await (await admin.PostJsonAsync($"/api/reports/{report}/review", """{"reason": "x"}""")).AssertFieldErrorAsync("decision");
        await admin.PostJsonAsync($"/api/reports/{seeded.DraftReport}/review", """{"decision": "Accepted"}""").AssertStatusAsync(HttpStatusCode.Conflict);
        await admin.PostJsonAsync("/api/reports/999999/review", """{"decision": "Accepted"}""").AssertStatusAsync(HttpStatusCode.NotFound);
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        await viewer.PostJsonAsync($"/api/reports/{report}/review", """{"decision": "Accepted"}""").AssertStatusAsync(HttpStatusCode.Forbidden);

        var returned = await (await admin.PostJsonAsync($"/api/reports/{report}/review",
            """{"decision": "Returned", "reason": "Thiếu ảnh hoạt động Ngày Chủ nhật xanh"}""").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("Returned", (string)returned["review"]!);
        Assert.Equal(1, (int)returned["notified"]!);

        await using var db = App.Db();
        var sent = await db.Outbox.AsNoTracking().Where(o => o.ChatId == "5550001").ToListAsync();
        var message = MessageJson.Deserialize<OutgoingMessage>(Assert.Single(sent).Payload);
        Assert.Contains("Đoàn cơ sở Thử 01", message.Text);
        Assert.Contains("Cần sửa: Thiếu ảnh hoạt động Ngày Chủ nhật xanh", message.Text);
        Assert.Contains("/sua", message.Text);
        var audit = await db.ReportAudits.AsNoTracking().SingleAsync(a => a.ReportId == report);
        Assert.Equal("admin:test-Admin", audit.Actor);

        var list = await (await viewer.GetAsync($"/api/reports?periodId={Week2}&review=Returned").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(report, (int)Assert.Single(list["items"]!.AsArray())!["id"]!);
        await (await viewer.GetAsync("/api/reports?late=maybe")).AssertFieldErrorAsync("late");

        await admin.PostJsonAsync($"/api/reports/{report}/review", """{"decision": "Accepted"}""").AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ReviewStatus.Accepted, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == report)).Review);
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.ChatId == "5550001"));
    }

    /// <summary>
    /// What a reader sees on the pages (checked by eye in LibreOffice, see docs/summaries.md): the two-column header
    /// block, every table exactly as wide as the text on its page, the per-unit table on a landscape page, numbers
    /// right-aligned, the photo at most 15 × 10 cm with its caption under it.
    /// </summary>
    private static void AssertOfficialLayout(W.Body body)
    {
        var header = body.Elements<W.Table>().First();
        Assert.Same(header, body.FirstChild);
        var cells = header.Descendants<W.TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(["THÀNH ĐOÀN CẦN THƠ", "ĐOÀN KHỐI THỬ NGHIỆM", "***", "Số:       -BC/ĐTN"], cells[0].Elements<W.Paragraph>().Select(p => p.InnerText));
        Assert.NotNull(cells[0].Descendants<W.Run>().Single(r => r.InnerText == "ĐOÀN KHỐI THỬ NGHIỆM").RunProperties?.Bold);
        var union = cells[1].Descendants<W.Run>().Single(r => r.InnerText == "ĐOÀN TNCS HỒ CHÍ MINH");
        Assert.NotNull(union.RunProperties?.Bold);
        Assert.NotNull(union.RunProperties?.Underline);
        var date = cells[1].Descendants<W.Run>().Single(r => r.InnerText.StartsWith("Cần Thơ, ngày", StringComparison.Ordinal));
        Assert.NotNull(date.RunProperties?.Italic);
        Assert.All(header.Descendants<W.TableBorders>().Single().ChildElements, b => Assert.Equal(W.BorderValues.Nil, ((W.BorderType)b).Val!.Value));

        // Each table's columns add up to the text width of the section it is in (a paragraph's sectPr ends a section).
        var tables = new List<(W.Table Table, W.SectionProperties Section)>();
        var pending = new List<W.Table>();
        foreach (var element in body.ChildElements)
        {
            if (element is W.Table t) pending.Add(t);
            var section = element as W.SectionProperties ?? (element as W.Paragraph)?.ParagraphProperties?.GetFirstChild<W.SectionProperties>();
            if (section is null) continue;
            tables.AddRange(pending.Select(p => (p, section)));
            pending.Clear();
        }
        Assert.Empty(pending);
        Assert.Equal(5, tables.Count); // header block, numbers, targets, signature (portrait), per unit (landscape annex)
        var signature = tables[3].Table.Descendants<W.TableCell>().Select(c => c.Elements<W.Paragraph>().Select(p => p.InnerText).Where(t => t != "").ToList()).ToList();
        Assert.Equal(["Nơi nhận:", "- Thành Đoàn Cần Thơ (để báo cáo);", "- Các cơ sở Đoàn trực thuộc;", "- Lưu."], signature[0]);
        Assert.Equal(["TM. BAN THƯỜNG VỤ", "BÍ THƯ"], signature[1]);
        Assert.StartsWith("Trên đây là báo cáo kết quả thực hiện", ((W.Paragraph)tables[3].Table.PreviousSibling()!).InnerText, StringComparison.Ordinal);
        var signaturePage = tables[3].Section.GetFirstChild<W.PageSize>()!;
        Assert.True(signaturePage.Width!.Value < signaturePage.Height!.Value, "the signature is on a portrait page");
        foreach (var (table, section) in tables)
        {
            var size = section.GetFirstChild<W.PageSize>()!;
            var margin = section.GetFirstChild<W.PageMargin>()!;
            var textWidth = (int)size.Width!.Value - (int)margin.Left!.Value - (int)margin.Right!.Value;
            Assert.Equal(textWidth, table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)));
        }
        var perUnit = tables.Single(t => t.Table.InnerText.Contains("Đoàn cơ sở Thử 01", StringComparison.Ordinal));
        // Units without a single number are named below the table, not given a row of zeros.
        Assert.DoesNotContain("Đoàn cơ sở Thử 05", perUnit.Table.InnerText);
        Assert.Equal(W.PageOrientationValues.Landscape, perUnit.Section.GetFirstChild<W.PageSize>()!.Orient!.Value);
        Assert.Equal("PHỤ LỤC 1: SỐ LIỆU THEO ĐƠN VỊ", ((W.Paragraph)perUnit.Table.PreviousSibling()!).InnerText);
        var headerRow = perUnit.Table.Elements<W.TableRow>().First();
        Assert.NotNull(headerRow.TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(perUnit.Table.Elements<W.TableRow>(), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<W.CantSplit>()));

        var money = tables[1].Table.Descendants<W.TableCell>().Single(c => c.InnerText == "1.234.567");
        Assert.Equal(W.JustificationValues.Right, money.Descendants<W.Justification>().Single().Val!.Value);
        // The numbers table lists what was reported, as the chat does: no row of zeros for unreported metrics.
        var results = tables[1].Table.Elements<W.TableRow>().Skip(1).Select(r => r.Elements<W.TableCell>().ElementAt(2).InnerText).ToList();
        Assert.NotEmpty(results);
        Assert.DoesNotContain("0", results);

        var picture = body.Descendants<W.Drawing>().Single();
        var extent = picture.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal((3_600_000L, 3_600_000L), (extent.Cx!.Value, extent.Cy!.Value)); // a square photo: 10 × 10 cm
        var caption = picture.Ancestors<W.Paragraph>().Single().NextSibling<W.Paragraph>()!;
        Assert.Equal("Ảnh 1: Đoàn cơ sở Thử 01 — Ngày Chủ nhật xanh", caption.InnerText);
    }

    /// <summary>
    /// What a reader sees (checked by eye in LibreOffice, see docs/summaries.md): Times New Roman throughout, names
    /// not cut off, a bold header row and the names frozen while scrolling and repeated on printed pages, numbers
    /// grouped, and a summary sheet with the reporting status and the totals.
    /// </summary>
    private static void AssertReadableSheets(WorkbookPart book, List<List<string>> rows)
    {
        var styles = book.WorkbookStylesPart!.Stylesheet;
        Assert.All(styles.Fonts!.Elements<X.Font>(), f => Assert.Equal("Times New Roman", f.FontName!.Val!.Value));
        var sheet = book.WorksheetParts.First().Worksheet;
        var columns = sheet.GetFirstChild<X.Columns>()!.Elements<X.Column>().ToList();
        Assert.Equal(rows[0].Count, columns.Count);
        Assert.True(columns[1].Width!.Value >= rows.Skip(1).Max(r => r[1].Length), "the unit names fit their column");
        var pane = sheet.Descendants<X.Pane>().Single();
        Assert.Equal((X.PaneStateValues.Frozen, "C2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        Assert.Equal("'Theo đơn vị'!$A:$B,'Theo đơn vị'!$1:$1", book.Workbook.Descendants<X.DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text);
        Assert.Equal(X.OrientationValues.Landscape, sheet.GetFirstChild<X.PageSetup>()!.Orientation!.Value);

        X.CellFormat Format(X.Cell c) => styles.CellFormats!.Elements<X.CellFormat>().ElementAt((int)c.StyleIndex!.Value);
        var cells = sheet.Descendants<X.Row>().Select(r => r.Elements<X.Cell>().ToList()).ToList();
        Assert.All(cells[0], c => Assert.NotNull(styles.Fonts!.Elements<X.Font>().ElementAt((int)Format(c).FontId!.Value).Bold));
        var participants = rows[0].IndexOf("Lượt đoàn viên, thanh niên tham gia (lượt)");
        var numberFormat = Format(cells[1][participants]).NumberFormatId!.Value;
        Assert.EndsWith("#,##0", styles.NumberingFormats!.Elements<X.NumberingFormat>().Single(n => n.NumberFormatId! == numberFormat).FormatCode!.Value);

        var summary = book.WorksheetParts.ElementAt(1).Worksheet.Descendants<X.Row>().Select(r => r.Elements<X.Cell>()
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Contains(summary, r => r.SequenceEqual(["Báo cáo đã nhận", "3"]));
        Assert.Contains(summary, r => r.SequenceEqual(["Báo cáo phải nộp", "6"]));
        Assert.Contains(summary, r => r.SequenceEqual(["Lượt đoàn viên, thanh niên tham gia", "470", "lượt"]));
    }

    /// <summary>
    /// LibreOffice must open the file without a repair prompt: headless conversion with the Office Open XML import
    /// filter named fails on a file it cannot read (left to guess, it opens a broken file as plain text and
    /// "converts" it). Where pdftotext is installed too, the pages show <paramref name="visible"/>. Runs only where
    /// libreoffice/soffice is installed (not installed by the scripts; see docs/summaries.md).
    /// </summary>
    private static async Task ConvertsWithLibreOfficeAsync(byte[] bytes, string extension, params string[] visible)
    {
        var office = new[] { "libreoffice", "soffice" }.Select(FindOnPath).FirstOrDefault(p => p is not null);
        if (office is null) return;
        var dir = Directory.CreateTempSubdirectory("ym-lo-");
        try
        {
            var input = Path.Combine(dir.FullName, $"export.{extension}");
            await File.WriteAllBytesAsync(input, bytes);
            // A profile of its own: with a shared one, a LibreOffice already running takes the job and the conversion silently does nothing.
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var filter = extension == "docx" ? "MS Word 2007 XML" : "Calc MS Excel 2007 XML";
            using var process = Process.Start(new ProcessStartInfo(office,
                [$"-env:UserInstallation={profile}", "--headless", $"--infilter={filter}", "--convert-to", "pdf", "--outdir", dir.FullName, input])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            var pdf = Path.Combine(dir.FullName, "export.pdf");
            Assert.True(File.Exists(pdf), await output + await errors);

            if (FindOnPath("pdftotext") is not { } pdftotext) return;
            using var text = Process.Start(new ProcessStartInfo(pdftotext, [pdf, "-"]) { RedirectStandardOutput = true })!;
            var pages = await text.StandardOutput.ReadToEndAsync();
            await text.WaitForExitAsync();
            foreach (var expected in visible) Assert.Contains(expected, pages);
        }
        finally { dir.Delete(recursive: true); }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
