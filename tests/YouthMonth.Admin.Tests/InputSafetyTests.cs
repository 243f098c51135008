using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

/// <summary>Issue 10: NUL in admin text, 64-bit paging, periods that clash (point 9).</summary>
public sealed class InputSafetyTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NUL_in_admin_text_gets_400_naming_the_field()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var msg = await client.PostJsonAsync("/api/organisations", """{"name": "Quận\u0000Đoàn", "place": "Cần Thơ"}""").AssertFieldErrorAsync("name");
        Assert.Contains("U+0000", msg);
        await client.PostJsonAsync("/api/units", $$"""{"organisationId": {{org}}, "name": "Phường \ud800 lẻ", "kind": "DoanCoSo"}""").AssertFieldErrorAsync("name");

        var plan = Http.Edit(Http.Sample("tanphu-2023.json"), d => d["campaign"]!["periods"]![1]!["label"] = "Tuần\u00001");
        await client.PostJsonAsync("/api/plan/import", plan).AssertFieldErrorAsync("campaign.periods[1].label");

        var csv = new StringContent("unit,contact\nPhường 1,An\nPhường\u00002,Bình\n", Encoding.UTF8, "text/csv");
        await (await client.PostAsync($"/api/organisations/{org}/units/import-csv", csv)).AssertFieldErrorAsync("line 3");

        // A query value is the last line: PostgreSQL refuses it (22021), which becomes a 400, not a 500.
        var list = await client.GetAsync("/api/units?name=a%00b");
        Assert.True((int)list.StatusCode < 500, $"{(int)list.StatusCode}");
        var contacts = await client.GetAsync("/api/contacts?name=a%00b");
        Assert.True((int)contacts.StatusCode < 500, $"{(int)contacts.StatusCode}");
        await using var db = app.Db();
        Assert.Equal(1, await db.Organisations.CountAsync());
    }

    [Theory]
    [InlineData("/api/organisations")]
    [InlineData("/api/campaigns")]
    [InlineData("/api/periods")]
    [InlineData("/api/metrics")]
    [InlineData("/api/targets")]
    [InlineData("/api/activities")]
    [InlineData("/api/units")]
    [InlineData("/api/contacts")]
    [InlineData("/api/leader-chats")]
    public async Task A_page_far_past_the_end_is_that_empty_page(string url)
    {
        var client = await app.ClientAsync();
        await PlanSetup.OrganisationAsync(client);
        foreach (var (page, size) in new[] { (2147483647, 50), (2147483647, 500), (5000000, 500), (5000000, 50) })
        {
            var response = await client.GetAsync($"{url}?page={page}&pageSize={size}");
            var body = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} page {page}: {(int)response.StatusCode} {body}");
            Assert.Equal(page, (int)body["pageNumber"]!);
            Assert.Empty(body["items"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_plan_with_two_periods_of_one_name_or_overlapping_weeks_is_refused_naming_them()
    {
        var client = await app.ClientAsync();
        var sample = Http.Sample("cantho-2024.json");
        var sameName = Http.Edit(sample, d => d["campaign"]!["periods"]![1]!["label"] = "Tuần 1 (24/02–01/3)");
        var msg = await client.PostJsonAsync("/api/plan/import", sameName).AssertFieldErrorAsync("campaign.periods[1].label");
        Assert.Contains("campaign.periods[0]", msg);

        var overlap = Http.Edit(sample, d => d["campaign"]!["periods"]![1]!["windowStart"] = "2024-03-01");
        msg = await client.PostJsonAsync("/api/plan/import", overlap).AssertFieldErrorAsync("campaign.periods[1].windowStart");
        Assert.Contains("Tuần 1", msg);

        // Both samples load: Tân Phú's two Final reports share the month, which is allowed.
        await client.PostJsonAsync("/api/plan/import", sample).AssertStatusAsync(HttpStatusCode.Created);
        await client.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json")).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Period_create_and_update_refuse_a_clash_with_another_period()
    {
        var client = await app.ClientAsync();
        var campaign = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        await client.PostJsonAsync($"/api/campaigns/{campaign}/periods/generate",
            """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "11:00"}""").AssertStatusAsync(HttpStatusCode.OK);

        var msg = await client.PostJsonAsync("/api/periods", $$"""
            {"campaignId": {{campaign}}, "kind": "Weekly", "number": 9, "label": "Tuần chen", "windowStart": "2024-03-05", "windowEnd": "2024-03-06", "deadline": "2024-03-06T11:00:00"}
            """).AssertFieldErrorAsync("windowStart");
        Assert.Contains("Tuần 2", msg);
        await using (var db = app.Db())
        {
            var first = await db.Periods.OrderBy(p => p.WindowStart).FirstAsync();
            await client.PostJsonAsync("/api/periods", $$"""
                {"campaignId": {{campaign}}, "kind": "EventDay", "label": "{{first.Label}}", "windowStart": "2024-03-26", "windowEnd": "2024-03-26", "deadline": "2024-03-26T20:00:00"}
                """).AssertFieldErrorAsync("label");
            // A different kind may overlap a week.
            await client.PostJsonAsync("/api/periods", $$"""
                {"campaignId": {{campaign}}, "kind": "EventDay", "label": "Ngày Đoàn viên", "windowStart": "2024-03-26", "windowEnd": "2024-03-26", "deadline": "2024-03-26T20:00:00"}
                """).AssertStatusAsync(HttpStatusCode.Created);
        }

        var week3 = await (await client.GetAsync($"/api/periods?campaignId={campaign}&kind=Weekly")).JsonAsync();
        var p3 = week3["items"]!.AsArray()[2]!;
        var edited = (JsonObject)p3.DeepClone();
        edited["windowStart"] = "2024-03-08";
        await client.PutJsonAsync($"/api/periods/{(int)p3["id"]!}", edited.ToJsonString()).AssertFieldErrorAsync("windowStart");
    }
}
