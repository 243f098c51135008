using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace YouthMonth.Admin.Tests;

/// <summary>GET /api/reports/{id} and the filterable list return the whole report, nominations and links included.</summary>
public sealed class ReportsApiTests : IAsyncLifetime
{
    private readonly AdminApp app = new();
    private ReportSeed seed = null!;
    private int final, week2;

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        await using var db = app.Db();
        seed = await ReportSeed.CreateAsync(db, units: 3);
        var photo = await AddPhotoAsync(db, "tg-file-9", "ab/x.jpg");
        var week = await seed.AddReportAsync(db, seed.Units[0], seed.Weeks[1], ReportStatus.Submitted, activities:
            [new("Ngày Chủ nhật xanh", ActivityCategories.SocialWelfare, V(("participants", 120), ("trees", 30)), photo.Id)]);
        week.Activities[0].Links.Add("https://facebook.com/doan/posts/1");
        week.Activities[0].NewsText = "Ra quân dọn vệ sinh kênh rạch.";
        week.Activities[0].PhotoFailures.Add(new ReportPhotoFailure
        {
            Position = 2, FileName = "IMG_0412.HEIC", Caption = "Ra quân", Reason = Core.Messaging.PhotoRejection.DownloadFailed,
            Detail = "HTTP 503", FailedAt = week.SubmittedAt!.Value.AddMinutes(-3),
        });
        db.ReportAudits.Add(new ReportAudit { ReportId = week.Id, At = week.SubmittedAt!.Value, Actor = "bot", Action = "Gửi báo cáo" });
        await db.SaveChangesAsync();
        week2 = week.Id;
        var report = await seed.AddReportAsync(db, seed.Units[1], seed.Final, ReportStatus.Submitted, late: true, totals: V(("participants", 500)));
        report.Assessment = "Đoàn viên tham gia đông đủ.";
        report.Limitations = "Một số chi đoàn chưa gửi ảnh.";
        report.Nominations.Add(new Nomination { Kind = NominationKind.Collective, Name = "Chi đoàn Khoa Nội", Position = "Bệnh viện Thử", Reason = "Tổ chức 5 hoạt động" });
        report.Nominations.Add(new Nomination { Kind = NominationKind.Individual, Name = "Nguyễn Văn Thử", Position = "Bí thư chi đoàn", Reason = "Hiến máu 3 lần" });
        await db.SaveChangesAsync();
        final = report.Id;
    }

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task One_report_comes_whole_with_assessment_nominations_links_photos_lateness_and_audit()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var json = await (await viewer.GetAsync($"/api/reports/{final}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("Final", (string)json["periodKind"]!);
        Assert.True((bool)json["isLate"]!);
        Assert.Equal("Một số chi đoàn chưa gửi ảnh.", (string)json["assessment"]!["limitations"]!);
        Assert.Equal("Đoàn viên tham gia đông đủ.", (string)json["assessment"]!["strengths"]!);
        var nominations = json["nominations"]!.AsArray();
        Assert.Equal(["Tập thể", "Cá nhân"], nominations.Select(n => (string)n!["kindLabel"]!));
        Assert.Equal("Bí thư chi đoàn", (string)nominations[1]!["position"]!);
        Assert.Equal("Hiến máu 3 lần", (string)nominations[1]!["achievement"]!);
        Assert.Equal(500m, (decimal)json["totals"]![0]!["value"]!);
        Assert.Equal("lượt", (string)json["totals"]![0]!["unit"]!);

        var week = await (await viewer.GetAsync($"/api/reports/{week2}").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        var activity = week["activities"]![0]!;
        Assert.Equal("https://facebook.com/doan/posts/1", (string)activity["links"]![0]!);
        Assert.Equal("Ra quân dọn vệ sinh kênh rạch.", (string)activity["newsText"]!);
        Assert.Equal("Tình nguyện, an sinh xã hội", (string)activity["categoryLabel"]!);
        Assert.Equal(2, activity["values"]!.AsArray().Count);
        Assert.Single(activity["photos"]!.AsArray());
        // Issue 11: a photo that could not be downloaded is told to the office: which one, why, when.
        var failed = Assert.Single(activity["photoFailures"]!.AsArray())!;
        Assert.Equal(2, (int)failed["position"]!);
        Assert.Equal("IMG_0412.HEIC", (string)failed["fileName"]!);
        Assert.Equal("Ra quân", (string)failed["caption"]!);
        Assert.Equal("DownloadFailed", (string)failed["reason"]!);
        Assert.Equal("máy chủ chat không trả ảnh sau nhiều lần thử", (string)failed["reasonText"]!);
        Assert.Equal("HTTP 503", (string)failed["detail"]!);
        Assert.NotNull(failed["failedAt"]);
        Assert.Equal("Gửi báo cáo", (string)week["audit"]![0]!["action"]!);

        await viewer.GetAsync("/api/reports/999999").AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_campaign_kind_unit_and_lateness()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        async Task<List<int>> Ids(string query) =>
            [.. (await (await viewer.GetAsync("/api/reports?" + query).AssertStatusAsync(HttpStatusCode.OK)).JsonAsync())["items"]!.AsArray()
                .Select(r => (int)r!["id"]!)];
        Assert.Equal([week2, final], await Ids($"campaignId={seed.Campaign.Id}"));
        Assert.Equal([final], await Ids($"campaignId={seed.Campaign.Id}&kind=Final"));
        Assert.Equal([final], await Ids("late=true"));
        Assert.Equal([week2], await Ids($"unitId={seed.Units[0].Id}"));
        Assert.Empty(await Ids("status=Draft"));
        var page = await (await viewer.GetAsync($"/api/reports?campaignId={seed.Campaign.Id}&kind=Final").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("Chi đoàn Khoa Nội", (string)page["items"]![0]!["nominations"]![0]!["name"]!);
        await (await viewer.GetAsync("/api/reports?kind=Monthly")).AssertFieldErrorAsync("kind");
    }

    [Fact]
    public async Task The_xlsx_lists_the_photos_that_could_not_be_downloaded_on_a_sheet_of_their_own()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var xlsx = await (await viewer.GetAsync($"/api/exports/units.xlsx?periodId={seed.Weeks[1].Id}").AssertStatusAsync(HttpStatusCode.OK))
            .Content.ReadAsByteArrayAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = doc.WorkbookPart!.Workbook.Descendants<X.Sheet>().Single(x => x.Name == "Ảnh không tải được");
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal(["STT", "Đơn vị", "Kỳ báo cáo", "Hoạt động", "Ảnh thứ", "Lý do", "Lúc"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal([seed.Units[0].Name, seed.Weeks[1].Label, "Ngày Chủ nhật xanh", "2", "máy chủ chat không trả ảnh sau nhiều lần thử (HTTP 503)"],
            row.Skip(1).Take(5));
    }

    [Fact]
    public async Task The_docx_notes_the_photos_that_could_not_be_downloaded_once_per_report_as_the_xlsx_lists_them()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var note = $"Ảnh không tải được: {seed.Units[0].Name}, {seed.Weeks[1].Label} — Ngày Chủ nhật xanh: "
            + "ảnh thứ 2 (máy chủ chat không trả ảnh sau nhiều lần thử).";
        foreach (var query in new[] { $"periodId={seed.Weeks[1].Id}", $"campaignId={seed.Campaign.Id}" })
        {
            var docx = await (await viewer.GetAsync($"/api/exports/summary.docx?{query}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
            using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal([note], paragraphs.Where(p => p.StartsWith("Ảnh không tải được", StringComparison.Ordinal)));
        }
        // A period whose reports lost no photo has no such note.
        var other = await (await viewer.GetAsync($"/api/exports/summary.docx?periodId={seed.Final.Id}").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        using var final = WordprocessingDocument.Open(new MemoryStream(other), false);
        Assert.DoesNotContain(final.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>(), p => p.InnerText.Contains("Ảnh không tải được", StringComparison.Ordinal));
    }
}
