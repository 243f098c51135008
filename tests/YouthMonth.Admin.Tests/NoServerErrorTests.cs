using System.Net;
using System.Text.Json.Nodes;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// "No 500s from any input": every field of a real plan (the first element of each list) is replaced in turn by
/// null, a wrong-typed value and an empty object, and the answer must be 201 or a 4xx ProblemDetails.
/// </summary>
public sealed class NoServerErrorTests(AdminApp app) : IClassFixture<AdminApp>
{
    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                    if (child is not null) { yield return child; foreach (var n in Nodes(child)) yield return n; }
                break;
            case JsonArray { Count: > 0 } a when a[0] is { } first:
                yield return first;
                foreach (var n in Nodes(first)) yield return n;
                break;
        }
    }

    [Fact]
    public async Task Every_field_of_a_plan_replaced_by_junk_gets_a_client_error_not_a_500()
    {
        var client = await app.ClientAsync();
        var sample = Http.Sample("tanphu-2023.json");
        var paths = Nodes(JsonNode.Parse(sample)!).Select(n => n.GetPath()).ToList();
        Assert.True(paths.Count > 50);

        foreach (var path in paths)
        foreach (var junk in new Func<JsonNode?>[] { () => null, () => JsonValue.Create("x"), () => new JsonObject(), () => JsonValue.Create(-1) })
        {
            var doc = JsonNode.Parse(sample)!;
            var target = Nodes(doc).First(n => n.GetPath() == path);
            var replacement = junk();
            switch (target.Parent)
            {
                case JsonObject parent: parent[target.GetPropertyName()] = replacement; break;
                case JsonArray array: array[target.GetElementIndex()] = replacement; break;
            }
            var response = await client.PostJsonAsync("/api/plan/import", doc.ToJsonString());
            var status = (int)response.StatusCode;
            Assert.True(status is 201 or (>= 400 and < 500), $"{path} = {replacement?.ToJsonString() ?? "null"} gave {status}: {await response.Content.ReadAsStringAsync()}");
            if (status != 201) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
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
    [InlineData("/api/keys")]
    public async Task Junk_bodies_to_create_endpoints_get_a_client_error(string url)
    {
        var client = await app.ClientAsync();
        string[] bodies =
        [
            "", "null", "{}", "[]", "\"x\"", "{\"name\": null, \"campaignId\": null}", "{\"campaignId\": 2147483648}",
            "{\"reminders\": {\"offsets\": null}, \"categories\": null, \"dates\": [null], \"responsibleUnits\": [null]}",
            "{\"organisationId\": -5, \"unitId\": 0, \"campaignId\": 999999}", "{\"name\": {\"a\": 1}}",
        ];
        foreach (var body in bodies)
        {
            var response = await client.PostJsonAsync(url, body);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"POST {url} {body} gave {status}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
