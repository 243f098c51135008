using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class PeriodsApiTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Generating_Can_Tho_weeks_gives_Friday_11_00_local_stored_as_04_00_UTC()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));

        var response = await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate",
            """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "11:00"}""").AssertStatusAsync(HttpStatusCode.OK);

        var periods = (await response.JsonAsync()).AsArray();
        Assert.Equal(["2024-03-01T11:00:00", "2024-03-08T11:00:00", "2024-03-15T11:00:00", "2024-03-22T11:00:00", "2024-03-29T11:00:00"],
            periods.Select(p => (string)p!["deadline"]!));
        Assert.Equal("11g00 thứ Sáu 08/3", (string)periods[1]!["deadlineText"]!);
        await using var db = app.Db();
        var stored = await db.Periods.OrderBy(p => p.DeadlineUtc).Select(p => p.DeadlineUtc).ToListAsync();
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 4, 0, 0, TimeSpan.Zero), stored[0]);
        Assert.All(stored, d => Assert.Equal((DayOfWeek.Friday, 4), (d.UtcDateTime.DayOfWeek, d.UtcDateTime.Hour)));
    }

    [Fact]
    public async Task Generating_again_needs_replaceExisting_and_then_replaces_the_weeks()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        const string rule = """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "11:00"}""";
        await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate", rule).AssertStatusAsync(HttpStatusCode.OK);

        await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate", rule).AssertStatusAsync(HttpStatusCode.Conflict);
        await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate",
            """{"windowStartDay": "Monday", "dueDay": "Monday", "dueTime": "08:00", "replaceExisting": true}""").AssertStatusAsync(HttpStatusCode.OK);

        await using var db = app.Db();
        var periods = await db.Periods.ToListAsync();
        Assert.Equal(4, periods.Count);
        Assert.All(periods, p => Assert.Equal(DayOfWeek.Monday, p.WindowStart.DayOfWeek));
    }

    [Fact]
    public async Task Tan_Phu_week_1_exception_is_an_edit_of_one_generated_period_and_reads_back()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client), "2023-02-26", "2023-03-31");
        var generated = (await (await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate",
            """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "09:00"}""")).JsonAsync()).AsArray();
        Assert.Equal(5, generated.Count);
        var week1 = generated[0]!;
        Assert.Equal("2023-03-03T09:00:00", (string)week1["deadline"]!);

        var edit = new JsonObject
        {
            ["kind"] = "Weekly", ["number"] = 1, ["label"] = "Tuần 1 (26/02–03/3)",
            ["windowStart"] = "2023-02-26", ["windowEnd"] = "2023-03-03", ["deadline"] = "2023-03-04T09:00:00",
            ["version"] = (uint)week1["version"]!,
        };
        await client.PutJsonAsync($"/api/periods/{(int)week1["id"]!}", edit.ToJsonString()).AssertStatusAsync(HttpStatusCode.OK);

        var read = await (await client.GetAsync($"/api/periods/{(int)week1["id"]!}")).JsonAsync();
        Assert.Equal("2023-03-04T09:00:00", (string)read["deadline"]!);
        Assert.Equal("09g00 thứ Bảy 04/3", (string)read["deadlineText"]!);
        Assert.Equal("2023-02-26", (string)read["windowStart"]!);
        await using var db = app.Db();
        Assert.Equal(new DateTimeOffset(2023, 3, 4, 2, 0, 0, TimeSpan.Zero), (await db.Periods.SingleAsync(p => p.Number == 1)).DeadlineUtc);
        // The other weeks keep the rule.
        Assert.Equal(4, await db.Periods.CountAsync(p => p.Number > 1 && p.DeadlineUtc.Hour == 2));
    }

    [Fact]
    public async Task Generate_with_a_missing_rule_part_names_it()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var response = await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate", """{"windowStartDay": "Saturday", "dueDay": "Friday"}""");
        await response.AssertFieldErrorAsync("dueTime");
        response = await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate", """{"windowStartDay": "Thứ Bảy", "dueDay": "Friday", "dueTime": "11:00"}""");
        await response.AssertFieldErrorAsync("windowStartDay");
        await using var db = app.Db();
        Assert.Equal(0, await db.Periods.CountAsync());
    }

    [Fact]
    public async Task Photos_required_is_set_per_period_kept_when_omitted_and_refused_on_a_final_period()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var weeks = (await (await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate",
            """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "11:00", "photosRequired": true}""")
            .AssertStatusAsync(HttpStatusCode.OK)).JsonAsync()).AsArray();
        Assert.All(weeks, w => Assert.True((bool)w!["photosRequired"]!));

        // A PUT without the field keeps it; an explicit false turns it off.
        var week = weeks[1]!;
        var edit = new JsonObject
        {
            ["kind"] = "Weekly", ["number"] = 2, ["windowStart"] = (string)week["windowStart"]!, ["windowEnd"] = (string)week["windowEnd"]!,
            ["deadline"] = "2024-03-08T12:00:00", ["version"] = (uint)week["version"]!,
        };
        var kept = await (await client.PutJsonAsync($"/api/periods/{(int)week["id"]!}", edit.ToJsonString()).AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.True((bool)kept["photosRequired"]!);
        edit["version"] = (uint)kept["version"]!;
        edit["photosRequired"] = false;
        var off = await (await client.PutJsonAsync($"/api/periods/{(int)week["id"]!}", edit.ToJsonString()).AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        Assert.False((bool)off["photosRequired"]!);

        var eventDay = await (await client.PostJsonAsync("/api/periods", $$"""
            {"campaignId": {{campaign}}, "kind": "EventDay", "label": "Ngày Đoàn viên", "windowStart": "2024-03-24", "windowEnd": "2024-03-24",
             "deadline": "2024-03-24T16:00:00", "photosRequired": true}
            """).AssertStatusAsync(HttpStatusCode.Created)).JsonAsync();
        Assert.True((bool)eventDay["photosRequired"]!);
        var newDefault = await (await client.PostJsonAsync("/api/periods", $$"""
            {"campaignId": {{campaign}}, "kind": "KickOff", "label": "Lễ ra quân", "windowStart": "2024-03-02", "windowEnd": "2024-03-02",
             "deadline": "2024-03-02T16:00:00"}
            """).AssertStatusAsync(HttpStatusCode.Created)).JsonAsync();
        Assert.False((bool)newDefault["photosRequired"]!);
        await (await client.PostJsonAsync("/api/periods", $$"""
            {"campaignId": {{campaign}}, "kind": "Final", "label": "Tổng kết", "windowStart": "2024-03-01", "windowEnd": "2024-03-31",
             "deadline": "2024-03-26T11:00:00", "photosRequired": true}
            """)).AssertFieldErrorAsync("photosRequired");

        await using var db = app.Db();
        Assert.Equal(5, await db.Periods.CountAsync(p => p.PhotosRequired));
    }
}
