using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class ConcurrencyTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_edits_from_the_same_version_the_second_gets_409_and_the_first_stays()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var unit = await PlanSetup.UnitAsync(client, org, "Đoàn phường Hiệp Tân");
        var id = (int)unit["id"]!;
        var version = (uint)unit["version"]!;

        var first = await client.PutJsonAsync($"/api/units/{id}",
            new JsonObject { ["name"] = "Đoàn phường Hiệp Tân", ["memberCount"] = 120, ["version"] = version }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutJsonAsync($"/api/units/{id}",
            new JsonObject { ["name"] = "Đoàn phường Hiệp Tân", ["memberCount"] = 80, ["version"] = version }.ToJsonString());

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("version", (string)(await second.JsonAsync())["field"]!);
        await using var db = app.Db();
        Assert.Equal(120, (await db.Units.SingleAsync(u => u.Id == id)).MemberCount);
    }

    [Fact]
    public async Task An_update_without_a_version_is_rejected_naming_version()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var response = await client.PutJsonAsync($"/api/organisations/{org}", """{"name": "Tên mới", "place": "Cần Thơ"}""");
        await response.AssertFieldErrorAsync("version");
        await using var db = app.Db();
        Assert.Equal("Quận Đoàn Thử Nghiệm", (await db.Organisations.SingleAsync()).Name);
    }

    [Fact]
    public async Task The_ETag_of_a_read_works_as_If_Match_and_a_stale_one_gets_409()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var read = await client.GetAsync($"/api/organisations/{org}");
        var etag = read.Headers.ETag;
        Assert.NotNull(etag);

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/organisations/{org}")
        {
            Content = new StringContent("""{"name": "Quận Đoàn Mới", "place": "Cần Thơ"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        update.Headers.IfMatch.Add(etag);
        var ok = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/organisations/{org}")
        {
            Content = new StringContent("""{"name": "Quận Đoàn Cũ", "place": "Cần Thơ"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        stale.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(stale)).StatusCode);
        await using var db = app.Db();
        Assert.Equal("Quận Đoàn Mới", (await db.Organisations.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_rename_racing_into_an_existing_unit_name_is_refused_not_500()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        await PlanSetup.UnitAsync(client, org, "Đoàn phường A");
        var b = await PlanSetup.UnitAsync(client, org, "Đoàn phường B");
        var response = await client.PutJsonAsync($"/api/units/{(int)b["id"]!}",
            new JsonObject { ["name"] = "ĐOÀN PHƯỜNG A", ["version"] = (uint)b["version"]! }.ToJsonString());
        await response.AssertFieldErrorAsync("name");
    }
}
