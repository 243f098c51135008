using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class CampaignsApiTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_campaign_starts_with_the_default_metrics_and_its_reminders_can_be_edited()
    {
        var client = await app.ClientAsync();
        var id = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        var metrics = await (await client.GetAsync($"/api/metrics?campaignId={id}")).JsonAsync();
        Assert.Contains("participants", metrics["items"]!.AsArray().Select(m => (string)m!["code"]!));

        var campaign = await (await client.GetAsync($"/api/campaigns/{id}")).JsonAsync();
        var edit = new JsonObject
        {
            ["name"] = "Tháng Thanh niên năm 2024", ["theme"] = "Tuổi trẻ tiên phong", ["startDate"] = "2024-03-01", ["endDate"] = "2024-03-31",
            ["status"] = "Active", ["reminders"] = new JsonObject { ["offsets"] = new JsonArray("-2d@09:00", "-1h"), ["notifyLeadersAtDeadline"] = false },
            ["version"] = (uint)campaign["version"]!,
        };
        await client.PutJsonAsync($"/api/campaigns/{id}", edit.ToJsonString()).AssertStatusAsync(HttpStatusCode.OK);

        await using var db = app.Db();
        var stored = await db.Campaigns.SingleAsync(c => c.Id == id);
        Assert.Equal(["-2d@09:00", "-1h"], stored.Reminders.Offsets);
        Assert.False(stored.Reminders.NotifyLeadersAtDeadline);
        Assert.Equal("Tuổi trẻ tiên phong", stored.Theme);
    }

    [Fact]
    public async Task Shortening_a_campaign_past_one_of_its_deadlines_is_refused()
    {
        var client = await app.ClientAsync();
        var id = await PlanSetup.CampaignAsync(client, await PlanSetup.OrganisationAsync(client));
        await client.PostJsonAsync($"/api/campaigns/{id}/periods/generate",
            """{"windowStartDay": "Saturday", "dueDay": "Friday", "dueTime": "11:00"}""").AssertStatusAsync(HttpStatusCode.OK);
        var campaign = await (await client.GetAsync($"/api/campaigns/{id}")).JsonAsync();

        var response = await client.PutJsonAsync($"/api/campaigns/{id}",
            $$"""{"name": "Tháng Thanh niên", "startDate": "2024-03-01", "endDate": "2024-03-10", "version": {{(uint)campaign["version"]!}}}""");

        await response.AssertFieldErrorAsync("endDate");
        await using var db = app.Db();
        Assert.Equal(new DateOnly(2024, 3, 31), (await db.Campaigns.SingleAsync()).EndDate);
    }
}
