using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;

namespace YouthMonth.Admin.Tests;

public sealed class PlanImportExportTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Exported_plan_imported_into_an_empty_database_exports_the_same_document()
    {
        var client = await app.ClientAsync();
        var imported = await client.PostJsonAsync("/api/plan/import", Http.Sample("cantho-2024.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;
        var first = await (await client.GetAsync($"/api/campaigns/{campaignId}/plan").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsStringAsync();

        await app.ResetAsync();
        await using (var db = app.Db()) Assert.Equal(0, await db.Organisations.CountAsync());
        var again = await client.PostJsonAsync("/api/plan/import", first).AssertStatusAsync(HttpStatusCode.Created);
        var secondId = (int)(await again.JsonAsync())["campaignId"]!;
        var second = await (await client.GetAsync($"/api/campaigns/{secondId}/plan")).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        var doc = JsonNode.Parse(second)!;
        Assert.Equal("Đoàn Khối cơ quan Dân Chính Đảng TP Cần Thơ", (string)doc["organisation"]!["name"]!);
        Assert.Equal(8, doc["campaign"]!["targets"]!.AsArray().Count);
        Assert.Equal(6, doc["campaign"]!["periods"]!.AsArray().Count);
        Assert.Equal("2024-03-08T11:00:00", (string)doc["campaign"]!["periods"]![1]!["deadline"]!);
        // Issue 11: which metrics an activity asks, and the words people type for a metric, survive the round trip.
        var metrics = doc["campaign"]!["metrics"]!.AsArray();
        Assert.Equal(["máu", "đơn vị máu", "hiến máu"], metrics.Single(m => (string)m!["code"]! == "blood_units")!["aliases"]!.AsArray().Select(a => (string)a!));
        var greenSunday = doc["campaign"]!["activities"]!.AsArray().First(a => ((string)a!["title"]!).Contains("Ngày chủ nhật xanh"))!;
        Assert.Equal(["trees", "youth_works", "youth_works_value"], greenSunday["metrics"]!.AsArray().Select(a => (string)a!));
        // Cần Thơ's weekly reports are "tin bài và hình ảnh kèm theo": photos required; its final report (due before week 5) asks none.
        Assert.Equal([true, true, true, true, false, true], doc["campaign"]!["periods"]!.AsArray().Select(p => (bool)p!["photosRequired"]!));
    }

    [Fact]
    public async Task Photos_required_on_a_final_period_is_refused_naming_the_field()
    {
        var client = await app.ClientAsync();
        var json = Http.Edit(Http.Sample("cantho-2024.json"), doc => doc["campaign"]!["periods"]![5]!["photosRequired"] = true);
        var problem = await client.PostJsonAsync("/api/plan/import", json).AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("tổng kết", (string)(await problem.JsonAsync())["errors"]!["campaign.periods[5].photosRequired"]![0]!);
    }

    [Fact]
    public async Task An_activity_may_only_ask_for_metrics_of_its_campaign()
    {
        var client = await app.ClientAsync();
        var json = Http.Edit(Http.Sample("cantho-2024.json"), doc => doc["campaign"]!["activities"]![0]!["metrics"] = new JsonArray("trees", "no_such_metric", "participants"));
        var problem = await client.PostJsonAsync("/api/plan/import", json).AssertStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await problem.JsonAsync())["errors"]!;
        Assert.Contains("no_such_metric", (string)errors["campaign.activities[0].metrics[1]"]![0]!);
        Assert.Contains("luôn được hỏi", (string)errors["campaign.activities[0].metrics[2]"]![0]!);
        Assert.Null(errors["campaign.activities[0].metrics[0]"]);
    }

    [Fact]
    public async Task Tan_Phu_import_keeps_week_1_due_Saturday_04_3_at_09_00()
    {
        var client = await app.ClientAsync();
        var imported = await client.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;

        var periods = (await (await client.GetAsync($"/api/periods?campaignId={campaignId}&kind=Weekly")).JsonAsync())["items"]!.AsArray();
        var week1 = periods.Single(p => (int?)p!["number"] == 1)!;
        Assert.Equal("2023-03-04T09:00:00", (string)week1["deadline"]!);
        Assert.Equal(new DateTimeOffset(2023, 3, 4, 2, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)week1["deadlineUtc"]!));
        Assert.Equal("09g00 thứ Bảy 04/3", (string)week1["deadlineText"]!);
        // Tân Phú's Google Form asked no photos: its periods leave them optional.
        Assert.All(periods, p => Assert.False((bool)p!["photosRequired"]!));
        await using var db = app.Db();
        Assert.Equal(2, await db.Periods.CountAsync(p => p.CampaignId == campaignId && p.Kind == Core.Plan.PeriodKind.Final
            && p.DeadlineUtc == new DateTimeOffset(2023, 3, 19, 10, 0, 0, TimeSpan.Zero)));
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        // what is wrong, the field the answer must name
        { "end-before-start", "campaign.endDate" },
        { "deadline-outside", "campaign.periods[1].deadline" },
        { "duplicate-unit", "units[1].name" },
        { "unknown-unit", "campaign.activities[1].responsibleUnits[0]" },
        { "unknown-metric", "campaign.targets[3].metricCode" },
        { "unknown-category", "campaign.activities[0].category" },
        { "bad-offset", "campaign.reminders.offsets[0]" },
        { "bad-zone", "organisation.timeZone" },
        { "unknown-enum", "campaign.periods[0].kind" },
        { "integer-enum", "units[0].kind" },
        { "wrong-type", "campaign.startDate" },
        { "unknown-field", "campaign.periods[0].dueDate" },
        { "missing-required", "campaign.name" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_gets_400_naming_the_field_and_writes_nothing(string problem, string field)
    {
        var json = Http.Edit(Http.Sample("cantho-2024.json"), doc =>
        {
            var c = doc["campaign"]!;
            switch (problem)
            {
                case "end-before-start": c["endDate"] = "2024-02-01"; break;
                case "deadline-outside": c["periods"]![1]!["deadline"] = "2024-05-10T11:00:00"; break;
                case "duplicate-unit": doc["units"]![1]!["name"] = (string)doc["units"]![0]!["name"]!; break;
                case "unknown-unit": c["activities"]![1]!["responsibleUnits"] = new JsonArray("Đoàn cơ sở Không Tồn Tại"); break;
                case "unknown-metric": c["targets"]![3]!["rule"] = "MetricTotal"; c["targets"]![3]!["metricCode"] = "unicorns"; c["targets"]![3]!["goal"] = 3; break;
                case "unknown-category": c["activities"]![0]!["category"] = "the_thao"; break;
                case "bad-offset": c["reminders"]!["offsets"]![0] = "hôm trước 4 giờ"; break;
                case "bad-zone": doc["organisation"]!["timeZone"] = "Mars/Olympus"; break;
                case "unknown-enum": c["periods"]![0]!["kind"] = "Monthly"; break;
                case "integer-enum": doc["units"]![0]!["kind"] = 1; break;
                case "wrong-type": c["startDate"] = "mùng 1 tháng 3"; break;
                case "unknown-field": c["periods"]![0]!["dueDate"] = "2024-03-01"; break;
                case "missing-required": c.AsObject().Remove("name"); break;
            }
        });
        var client = await app.ClientAsync();

        var response = await client.PostJsonAsync("/api/plan/import", json);

        await response.AssertFieldErrorAsync(field);
        await using var db = app.Db();
        Assert.Equal(0, await db.Organisations.CountAsync());
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(0, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_not_500()
    {
        var client = await app.ClientAsync();
        var response = await client.PostJsonAsync("/api/plan/import", "{\"organisation\": {\"name\": \"x\",");
        await response.AssertFieldErrorAsync("organisation");
        response = await client.PostJsonAsync("/api/plan/import", "this is not json");
        await response.AssertFieldErrorAsync("body");
    }

    [Fact]
    public async Task A_plan_over_5_MB_gets_413_and_writes_nothing()
    {
        var client = await app.ClientAsync();
        var huge = Http.Edit(Http.Sample("cantho-2024.json"), doc => doc["campaign"]!["theme"] = new string('x', 6 * 1024 * 1024));

        var response = await client.PostJsonAsync("/api/plan/import", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.Db();
        Assert.Equal(0, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_campaign_twice_is_refused_naming_the_campaign_name()
    {
        var client = await app.ClientAsync();
        await client.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json")).AssertStatusAsync(HttpStatusCode.Created);
        var response = await client.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json"));
        await response.AssertFieldErrorAsync("campaign.name");
        await using var db = app.Db();
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task A_viewer_can_export_but_not_import()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var response = await viewer.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(0, await db.Campaigns.CountAsync());
    }
}
