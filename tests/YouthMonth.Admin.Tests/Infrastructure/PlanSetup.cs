using System.Net;
using System.Text.Json.Nodes;

namespace YouthMonth.Admin.Tests.Infrastructure;

/// <summary>Builds small plans through the API itself, so tests exercise what office staff do.</summary>
public static class PlanSetup
{
    public static async Task<int> OrganisationAsync(HttpClient client, string name = "Quận Đoàn Thử Nghiệm")
    {
        var response = await client.PostJsonAsync("/api/organisations",
            $$"""{"name": "{{name}}", "place": "Cần Thơ", "timeZone": "Asia/Ho_Chi_Minh"}""").AssertStatusAsync(HttpStatusCode.Created);
        return (int)(await response.JsonAsync())["id"]!;
    }

    public static async Task<int> CampaignAsync(HttpClient client, int organisationId, string start = "2024-03-01", string end = "2024-03-31")
    {
        var response = await client.PostJsonAsync("/api/campaigns",
            $$"""{"organisationId": {{organisationId}}, "name": "Tháng Thanh niên", "startDate": "{{start}}", "endDate": "{{end}}", "status": "Active"}""")
            .AssertStatusAsync(HttpStatusCode.Created);
        return (int)(await response.JsonAsync())["id"]!;
    }

    public static async Task<JsonNode> UnitAsync(HttpClient client, int organisationId, string name, string? cluster = null)
    {
        var body = new JsonObject { ["organisationId"] = organisationId, ["name"] = name, ["kind"] = "DoanCoSo", ["cluster"] = cluster };
        var response = await client.PostJsonAsync("/api/units", body.ToJsonString()).AssertStatusAsync(HttpStatusCode.Created);
        return await response.JsonAsync();
    }
}
