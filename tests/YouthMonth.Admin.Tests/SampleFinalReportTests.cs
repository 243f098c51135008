using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// Each sample plan imported, a month of reports written for its units (news and links from the plan's own
/// activities, some units late or silent, final reports with what the period asks), and the compiled Word report of
/// its final period exported as an office would. With YOUTHMONTH_PREVIEW_DIR set the files are written there:
/// scripts/export-preview.sh renders them to PNG (docs/images/, docs/summaries.md).
/// </summary>
public sealed class SampleFinalReportTests : IAsyncLifetime
{
    private readonly AdminApp _app = new();

    public async Task InitializeAsync() => await _app.InitializeAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(SamplePlans.CanTho, "Báo cáo tổng kết và đề nghị khen thưởng", "cantho-tong-ket")]
    [InlineData(SamplePlans.TanPhu, "Báo cáo kết quả thực hiện Tháng Thanh niên", "tanphu-tong-ket")]
    [InlineData(SamplePlans.TanPhu, "Báo cáo số liệu trực tuyến", "tanphu-so-lieu-truc-tuyen")]
    public async Task The_final_Word_report_of_each_sample_reads_as_the_office_would_send_it(string sample, string finalLabel, string file)
    {
        int finalId, unitCount;
        PeriodQuestions questions;
        await using (var db = _app.Db())
        {
            var campaign = await PlanImporter.ImportAsync(db, SamplePlans.Load(sample));
            var final = campaign.Periods.Single(p => p.Label == finalLabel);
            finalId = final.Id;
            questions = PeriodQuestions.For(final)!;
            await WriteMonthAsync(db, campaign);
            unitCount = await db.Units.CountAsync(u => u.OrganisationId == campaign.OrganisationId);
            _app.Clock.SetUtcNow(campaign.Periods.Max(p => p.DeadlineUtc).AddDays(1));
        }

        var viewer = await _app.ClientAsync(ApiRole.Viewer);
        var bytes = await (await viewer.GetAsync($"/api/exports/summary.docx?periodId={finalId}").AssertStatusAsync(HttpStatusCode.OK))
            .Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("YOUTHMONTH_PREVIEW_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, file + ".docx"), bytes);
        }

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        var text = string.Join("\n", paragraphs);
        Assert.Contains("ĐOÀN TNCS HỒ CHÍ MINH", text);
        Assert.Contains("KẾT QUẢ CÁC MẶT CÔNG TÁC", text);
        // At most six lines a field of work, whatever the number of units.
        Assert.All(paragraphs.Where(p => p.StartsWith("Ngoài ra, các đơn vị còn báo cáo", StringComparison.Ordinal)), p => Assert.EndsWith("hoạt động khác.", p));
        Assert.NotEmpty(doc.MainDocumentPart.Document.Body.Descendants<W.Hyperlink>());
        // Targets are the month's: the weekly reports' activities count, not only the final reports' numbers.
        Assert.DoesNotContain($"0/{unitCount} đơn vị có hoạt động", text);
        // What the period asks decides what the report has: Tân Phú's online numbers ask no assessment and no nominees.
        Assert.Equal(questions.Assessment, text.Contains("NHẬN XÉT, ĐÁNH GIÁ", StringComparison.Ordinal));
        Assert.Equal(questions.AsksNominations, text.Contains("PHỤ LỤC 2: DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG", StringComparison.Ordinal));
        Assert.True(text.IndexOf("BÍ THƯ", StringComparison.Ordinal) < text.IndexOf("PHỤ LỤC 1: SỐ LIỆU THEO ĐƠN VỊ", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every unit reports most weeks with one or two of the plan's activities; every fifth unit misses the first
    /// week, every seventh sends its last week late, every ninth has no activity some week; all but two units send
    /// the final report, with an assessment and nominees when the period asks for them.
    /// </summary>
    private static async Task WriteMonthAsync(Core.Persistence.YouthMonthDb db, Campaign campaign)
    {
        var units = await db.Units.Where(u => u.OrganisationId == campaign.OrganisationId).OrderBy(u => u.Id).ToListAsync();
        var activities = await db.Activities.Where(a => a.CampaignId == campaign.Id && a.Level == ActivityLevel.Grassroots)
            .OrderBy(a => a.SortOrder).ToListAsync();
        if (activities.Count == 0)
            activities = await db.Activities.Where(a => a.CampaignId == campaign.Id).OrderBy(a => a.SortOrder).ToListAsync();
        var weeks = campaign.Periods.Where(p => p.Kind is PeriodKind.Weekly or PeriodKind.KickOff or PeriodKind.EventDay)
            .OrderBy(p => p.DeadlineUtc).ToList();
        var finals = campaign.Periods.Where(p => p.Kind == PeriodKind.Final).ToList();

        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            var slug = $"doan{unit.Id}";
            for (var w = 0; w < weeks.Count; w++)
            {
                var period = weeks[w];
                if (w == 1 && u % 5 == 4) continue;
                var report = new Report
                {
                    PeriodId = period.Id, UnitId = unit.Id, CreatedAt = period.DeadlineUtc.AddDays(-2),
                    IsLate = w == weeks.Count - 1 && u % 7 == 3,
                };
                report.SubmittedAt = period.DeadlineUtc.AddHours(report.IsLate ? 20 : -6);
                if (w == 2 && u % 9 == 1) report.Status = ReportStatus.NoActivity;
                else
                {
                    report.Status = ReportStatus.Submitted;
                    for (var k = 0; k < 1 + (u + w) % 2; k++)
                    {
                        var plan = activities[(u * 3 + w * 2 + k) % activities.Count];
                        var participants = 15 + (u * 7 + w * 11 + k * 5) % 60;
                        var activity = new ReportActivity
                        {
                            ActivityId = plan.Id, Title = plan.Title, Category = plan.Category, SortOrder = k + 1,
                            Date = period.WindowEnd.AddDays(-k),
                            NewsText = (u + k) % 3 == 2 ? null
                                : k == 0 ? $"Ra quân với {participants} đoàn viên, thanh niên; đăng tin và hình ảnh trên trang của đơn vị."
                                : "Phối hợp với chuyên môn tổ chức tại trụ sở đơn vị, có tin trên báo địa phương.",
                            Links = (u + w + k) % 2 == 0 ? [$"https://www.facebook.com/{slug}/posts/{1000 + w * 10 + k}"] : [],
                        };
                        report.Activities.Add(activity);
                        report.Values.Add(new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = participants, ReportActivity = activity });
                        if (plan.Category == ActivityCategories.SocialWelfare)
                            report.Values.Add(new ReportMetricValue { MetricCode = "gifts", Value = 5 + u % 10, ReportActivity = activity });
                    }
                }
                db.Reports.Add(report);
            }

            foreach (var final in finals)
            {
                if (u % 11 == 10) continue;
                var q = PeriodQuestions.For(final)!;
                var report = new Report
                {
                    PeriodId = final.Id, UnitId = unit.Id, Status = ReportStatus.Submitted, CreatedAt = final.DeadlineUtc.AddDays(-1),
                    SubmittedAt = final.DeadlineUtc.AddHours(-3),
                };
                if (q.AsksNumbers)
                    report.Values.Add(new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = 150 + u * 10 });
                if (q.Assessment)
                {
                    report.Assessment = u % 4 == 0 ? "Đoàn viên tham gia đông, các hoạt động tình nguyện được đăng tin kịp thời." :
                        "Hoàn thành các chỉ tiêu được giao; phối hợp tốt với chuyên môn.";
                    report.Limitations = u % 3 == 0 ? "Một số báo cáo tuần còn chậm; số liệu một vài hoạt động còn ước tính." : null;
                }
                if (q.AsksNominations)
                {
                    if (q.NominationKinds.Contains(NominationKind.Collective))
                        report.Nominations.Add(new Nomination
                        {
                            Kind = NominationKind.Collective, SortOrder = 1, Name = $"Chi đoàn {(u % 2 == 0 ? "Khoa Nội" : "Phòng Tổ chức")} – {unit.Name}",
                            Position = q.Asks(NominationField.UnitOrPosition) ? "Chi đoàn trực thuộc" : null,
                            Reason = "Tổ chức 4 hoạt động tình nguyện, 120 lượt đoàn viên tham gia.",
                        });
                    if (q.NominationKinds.Contains(NominationKind.Individual))
                        report.Nominations.Add(new Nomination
                        {
                            Kind = NominationKind.Individual, SortOrder = 1, Name = $"Đoàn viên {u + 1:00}",
                            Position = q.Asks(NominationField.UnitOrPosition) ? "Bí thư chi đoàn" : null,
                            Reason = "Vận động 30 đoàn viên hiến máu; tham gia đủ các hoạt động của tháng.",
                        });
                }
                db.Reports.Add(report);
            }
        }
        await db.SaveChangesAsync();
    }
}
