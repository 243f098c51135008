using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

/// <summary>Bad input to single-record endpoints: 400 ProblemDetails naming the field, and nothing written.</summary>
public sealed class ApiValidationTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Campaign_ending_before_it_starts_is_rejected_on_endDate()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);

        var response = await client.PostJsonAsync("/api/campaigns",
            $$"""{"organisationId": {{org}}, "name": "Tháng Thanh niên", "startDate": "2024-03-31", "endDate": "2024-03-01"}""");

        var message = await response.AssertFieldErrorAsync("endDate");
        Assert.Contains("ngày bắt đầu", message);
        await using var db = app.Db();
        Assert.Equal(0, await db.Campaigns.CountAsync());
    }

    [Theory]
    [InlineData("2024-04-20T11:00:00", "deadline")]
    [InlineData("2024-02-20T11:00:00", "deadline")]
    [InlineData("2024-03-08T11:00:00+07:00", "deadline")]
    public async Task Period_deadline_outside_the_campaign_is_rejected(string deadline, string field)
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));

        var response = await client.PostJsonAsync("/api/periods",
            $$"""{"campaignId": {{campaign}}, "kind": "Weekly", "number": 1, "windowStart": "2024-03-02", "windowEnd": "2024-03-08", "deadline": "{{deadline}}"}""");

        await response.AssertFieldErrorAsync(field);
        await using var db = app.Db();
        Assert.Equal(0, await db.Periods.CountAsync());
    }

    [Fact]
    public async Task Period_window_ending_before_it_starts_is_rejected_on_windowEnd()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var response = await client.PostJsonAsync("/api/periods",
            $$"""{"campaignId": {{campaign}}, "kind": "Final", "label": "Tổng kết", "windowStart": "2024-03-20", "windowEnd": "2024-03-01", "deadline": "2024-03-26T11:00:00"}""");
        await response.AssertFieldErrorAsync("windowEnd");
    }

    [Fact]
    public async Task Duplicate_unit_name_is_rejected_even_in_another_Unicode_form_or_case()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        await PlanSetup.UnitAsync(client, org, "Đoàn cơ sở Bệnh viện Ung bướu");

        var nfd = "đoàn cơ sở bệnh viện ung bướu".Normalize(System.Text.NormalizationForm.FormD);
        var response = await client.PostJsonAsync("/api/units", new JsonObject { ["organisationId"] = org, ["name"] = nfd }.ToJsonString());

        await response.AssertFieldErrorAsync("name");
        await using var db = app.Db();
        Assert.Equal(1, await db.Units.CountAsync());
    }

    [Fact]
    public async Task The_same_unit_name_in_another_organisation_is_fine()
    {
        var client = await app.ClientAsync();
        await PlanSetup.UnitAsync(client, await PlanSetup.OrganisationAsync(client, "Quận Đoàn A"), "Đoàn phường 1");
        await PlanSetup.UnitAsync(client, await PlanSetup.OrganisationAsync(client, "Quận Đoàn B"), "Đoàn phường 1");
    }

    [Fact]
    public async Task Activity_naming_an_unknown_unit_is_rejected_on_that_unit()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var other = await PlanSetup.OrganisationAsync(client, "Quận Đoàn Khác");
        var foreignUnit = (int)(await PlanSetup.UnitAsync(client, other, "Đoàn phường Lạ"))["id"]!;
        var ownUnit = (int)(await PlanSetup.UnitAsync(client, org, "Đoàn phường Quen"))["id"]!;
        var campaign = await PlanSetup.CampaignAsync(client, org);

        var response = await client.PostJsonAsync("/api/activities",
            $$"""{"campaignId": {{campaign}}, "title": "Ra quân", "timeText": "01/3/2024", "category": "an_sinh", "responsibleUnitIds": [{{ownUnit}}, {{foreignUnit}}], "responsibleUnits": ["Đoàn phường Không Có"]}""");

        await response.AssertFieldErrorAsync("responsibleUnitIds[1]");
        await response.AssertFieldErrorAsync("responsibleUnits[0]");
        await using var db = app.Db();
        Assert.Equal(0, await db.Activities.CountAsync());
    }

    [Fact]
    public async Task Activity_with_an_unknown_category_is_rejected()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var response = await client.PostJsonAsync("/api/activities",
            $$"""{"campaignId": {{campaign}}, "title": "Bóng đá", "category": "the_thao"}""");
        await response.AssertFieldErrorAsync("category");
    }

    [Fact]
    public async Task Activity_created_with_only_its_time_text_gets_the_parsed_form()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var unit = await PlanSetup.UnitAsync(client, org, "Đoàn cơ sở Trường Cao đẳng Du lịch Cần Thơ");
        var campaign = await PlanSetup.CampaignAsync(client, org);

        var created = await client.PostJsonAsync("/api/activities",
            $$"""{"campaignId": {{campaign}}, "title": "Hiến máu tình nguyện", "timeText": "07g30 19,20-22/3", "category": "an_sinh", "responsibleUnits": ["đoàn cơ sở trường cao đẳng du lịch cần thơ"]}""")
            .AssertStatusAsync(HttpStatusCode.Created);

        var body = await created.JsonAsync();
        Assert.Equal("Days", (string)body["timeKind"]!);
        Assert.Equal(["2024-03-19", "2024-03-20", "2024-03-21", "2024-03-22"], body["dates"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("07:30:00", (string)body["timeOfDay"]!);
        Assert.Equal((int)unit["id"]!, (int)body["responsibleUnits"]![0]!["id"]!);
        Assert.Equal("07g30 19,20-22/3", (string)body["timeText"]!);
    }

    [Fact]
    public async Task Target_with_an_unknown_metric_code_is_rejected_on_metricCode()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var response = await client.PostJsonAsync("/api/targets",
            $$"""{"campaignId": {{campaign}}, "number": 1, "text": "Trồng ít nhất 100 cây xanh", "rule": "MetricTotal", "metricCode": "cay_xanh", "goal": 100}""");
        await response.AssertFieldErrorAsync("metricCode");

        // The default catalog's "trees" works.
        await client.PostJsonAsync("/api/targets",
            $$"""{"campaignId": {{campaign}}, "number": 1, "text": "Trồng ít nhất 100 cây xanh", "rule": "MetricTotal", "metricCode": "trees", "goal": 100}""")
            .AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Invalid_reminder_offset_and_time_zone_are_named()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var response = await client.PostJsonAsync("/api/campaigns",
            $$$"""{"organisationId": {{{org}}}, "name": "Đợt 2", "startDate": "2024-03-01", "endDate": "2024-03-31", "reminders": {"offsets": ["-1d@16:00", "-1d@25:00"]}}""");
        await response.AssertFieldErrorAsync("reminders.offsets[1]");

        response = await client.PostJsonAsync("/api/organisations", """{"name": "Huyện Đoàn X", "place": "X", "timeZone": "Asia/Hanoi_Nowhere"}""");
        await response.AssertFieldErrorAsync("timeZone");
    }

    [Theory]
    [InlineData("""{"campaignId": 1, "kind": "Monthly", "label": "x"}""", "kind")]
    [InlineData("""{"campaignId": 1, "kind": 0, "label": "x"}""", "kind")]
    [InlineData("""{"campaignId": "một", "kind": "Weekly"}""", "campaignId")]
    [InlineData("""{"campaignId": 1, "windowStart": "2024-02-30"}""", "windowStart")]
    [InlineData("""{"campaignId": 1, "kind": "Weekly",""", "body")]
    [InlineData("""[1, 2, 3]""", "body")]
    public async Task Unreadable_json_gets_400_naming_the_field_not_500(string json, string field)
    {
        var client = await app.ClientAsync();
        var response = await client.PostJsonAsync("/api/periods", json);
        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Unknown_enum_answer_lists_the_allowed_names()
    {
        var client = await app.ClientAsync();
        var response = await client.PostJsonAsync("/api/periods", """{"campaignId": 1, "kind": "Monthly"}""");
        var message = await response.AssertFieldErrorAsync("kind");
        Assert.True(message.Contains("Weekly"), message);
        Assert.Contains("KickOff", message);
    }

    [Fact]
    public async Task Bad_query_values_get_400_naming_the_parameter()
    {
        var client = await app.ClientAsync();
        await (await client.GetAsync("/api/units?page=0")).AssertFieldErrorAsync("page");
        await (await client.GetAsync("/api/units?pageSize=100000")).AssertFieldErrorAsync("pageSize");
        await (await client.GetAsync("/api/units?page=abc")).AssertFieldErrorAsync("page");
        await (await client.GetAsync("/api/units?kind=Huge")).AssertFieldErrorAsync("kind");
        await (await client.GetAsync("/api/activities?category=bong_da")).AssertFieldErrorAsync("category");
    }

    [Fact]
    public async Task A_json_body_over_1_MB_gets_413_problem_details()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var response = await client.PostJsonAsync("/api/units",
            new JsonObject { ["organisationId"] = org, ["name"] = new string('x', 1_200_000) }.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.Db();
        Assert.Equal(0, await db.Units.CountAsync());
    }

    [Fact]
    public async Task Over_long_names_are_rejected_before_the_database_sees_them()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var response = await client.PostJsonAsync("/api/units", new JsonObject { ["organisationId"] = org, ["name"] = new string('x', 301) }.ToJsonString());
        await response.AssertFieldErrorAsync("name");
    }

    [Fact]
    public async Task Unit_list_filters_by_cluster_active_and_name_without_diacritics_and_pages()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        await PlanSetup.UnitAsync(client, org, "Đoàn cơ sở Bệnh viện Ung bướu thành phố Cần Thơ", "Cụm 1");
        await PlanSetup.UnitAsync(client, org, "Đoàn cơ sở Bệnh viện Phụ sản thành phố Cần Thơ", "Cụm 1");
        await PlanSetup.UnitAsync(client, org, "Chi đoàn cơ sở Sở Công Thương", "Cụm 2");

        var byName = await (await client.GetAsync($"/api/units?organisationId={org}&name=benh vien UNG BUOU")).JsonAsync();
        Assert.Equal(["Đoàn cơ sở Bệnh viện Ung bướu thành phố Cần Thơ"], byName["items"]!.AsArray().Select(u => (string)u!["name"]!));

        var cluster = await (await client.GetAsync($"/api/units?organisationId={org}&cluster=Cụm 1&pageSize=1&page=2")).JsonAsync();
        Assert.Equal(2, (int)cluster["total"]!);
        Assert.Equal("Đoàn cơ sở Bệnh viện Phụ sản thành phố Cần Thơ", (string)cluster["items"]![0]!["name"]!);

        var inactive = await (await client.GetAsync($"/api/units?organisationId={org}&active=false")).JsonAsync();
        Assert.Equal(0, (int)inactive["total"]!);
    }
}
