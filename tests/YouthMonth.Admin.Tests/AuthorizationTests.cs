using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;

namespace YouthMonth.Admin.Tests;

public sealed class AuthorizationTests(AdminApp app) : IClassFixture<AdminApp>
{
    /// <summary>Every mapped /api route with its HTTP method, parameters filled with harmless values.</summary>
    private List<(string Method, string Path, RouteEndpoint Endpoint)> ApiEndpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, @"\{(\w+)(:int|:long)?\}",
                    x => x.Groups[2].Success ? "1" : "abc"), e)))];
    }

    [Fact]
    public void Every_api_endpoint_requires_an_authorization_policy_and_none_allows_anonymous()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 50, $"only {endpoints.Count} endpoints found");
        foreach (var (method, path, endpoint) in endpoints)
        {
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0, $"{method} {path} has no authorization policy");
            if (method != "GET")
                Assert.True(policies.Contains("admin"), $"{method} {path} must require the admin policy, has {string.Join(",", policies)}");
        }
    }

    [Fact]
    public async Task Every_api_endpoint_answers_401_without_a_key()
    {
        var client = app.AnonymousClient();
        foreach (var (method, path, _) in ApiEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_write_endpoint_answers_403_to_a_viewer()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        foreach (var (method, path, _) in ApiEndpoints().Where(e => e.Method != "GET" || e.Path.StartsWith("/api/keys", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var response = await viewer.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} gave {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_viewer_reads_and_an_admin_writes()
    {
        var viewer = await app.ClientAsync(ApiRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/units")).StatusCode);
        var admin = await app.ClientAsync();
        var created = await admin.PostJsonAsync("/api/organisations", """{"name": "Đoàn Khối Thử Quyền", "place": "Cần Thơ"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var admin = await app.ClientAsync();
        var created = await admin.PostJsonAsync("/api/keys", """{"name": "Máy văn phòng", "role": "Viewer"}""").AssertStatusAsync(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        var secret = (string)body["secret"]!;
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {secret}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/organisations")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{(int)body["key"]!["id"]!}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/organisations")).StatusCode);
        var list = await (await admin.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list);
    }

    [Fact]
    public async Task Outside_development_the_openapi_document_needs_a_key_and_describes_the_key_header()
    {
        var anonymous = app.AnonymousClient();
        var ui = await anonymous.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        var viewer = await app.ClientAsync(ApiRole.Viewer);
        var doc = await (await viewer.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("X-Api-Key", doc);
        Assert.Contains("/api/plan/import", doc);
        Assert.Contains("/api/campaigns/{campaignId}/periods/generate", doc);
    }

    [Theory]
    [InlineData("Anonymous", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("ApiKey", HttpStatusCode.OK, HttpStatusCode.Unauthorized)]
    // Off: nothing is served; like any unknown path, the fallback policy answers 401 without a key, 404 with one.
    [InlineData("Off", HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task ApiDocs_Access_decides_who_reads_swagger_and_the_document(string access, HttpStatusCode ui, HttpStatusCode doc)
    {
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("ApiDocs:Access", access));
        var anonymous = configured.CreateClient();
        Assert.Equal(ui, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(doc, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var key = (await app.ClientAsync(ApiRole.Viewer)).DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var viewer = configured.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(access == "Off" ? HttpStatusCode.NotFound : HttpStatusCode.OK, (await viewer.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
