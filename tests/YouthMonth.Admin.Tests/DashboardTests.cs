using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// The Hangfire dashboard served by the Admin host at /hangfire (storage only, no server here): who gets in, who may
/// change anything, and that the jobs the office queues carry readable names.
/// </summary>
public sealed partial class DashboardTests(DashboardTests.Seeded seeded) : IClassFixture<DashboardTests.Seeded>
{
    private const string Password = "mat-khau-du-dai-2024";

    public sealed class Seeded : IAsyncLifetime
    {
        public AdminApp App { get; } = new();
        public int Week2 { get; private set; }

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            _ = App.Server; // the schema (hangfire's too) is applied at start-up
            await using (var db = App.Db())
            {
                var campaign = await PlanImporter.ImportAsync(db, SamplePlans.Load(SamplePlans.CanTho));
                Week2 = campaign.Periods.Single(p => p.Number == 2).Id;
            }
            await using var scope = App.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<OfficeAccounts>();
            Assert.Null((await accounts.CreateAsync("bi.thu", "Bí thư", ApiRole.Admin, Password)).Error);
            Assert.Null((await accounts.CreateAsync("can.bo", "Cán bộ", ApiRole.Viewer, Password)).Error);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private AdminApp App => seeded.App;

    /// <summary>A request as the TLS proxy on the same machine passes it on: from 127.0.0.1, with the visitor's address in X-Forwarded-For.</summary>
    private Task<HttpContext> FromLoopbackAsync(string path, Action<HttpRequest>? more = null) =>
        App.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            c.Connection.LocalIpAddress = IPAddress.Loopback;
            c.Request.Method = "GET";
            c.Request.Path = path;
            more?.Invoke(c.Request);
        });

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/stats")]
    public async Task Nobody_signed_in_gets_in_not_even_from_loopback(string path)
    {
        var direct = await FromLoopbackAsync(path);
        Assert.Equal(StatusCodes.Status401Unauthorized, direct.Response.StatusCode);
        var proxied = await FromLoopbackAsync(path, r => { r.Headers["X-Forwarded-For"] = "127.0.0.1"; r.Headers["X-Forwarded-Proto"] = "https"; });
        Assert.Equal(StatusCodes.Status401Unauthorized, proxied.Response.StatusCode);

        var anonymous = await App.AnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        if (path == "/hangfire") Assert.Contains("/dang-nhap?ReturnUrl=%2Fhangfire", await anonymous.Content.ReadAsStringAsync());

        var badKey = App.AnonymousClient();
        badKey.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "ym_khong_ton_tai_0123456789");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badKey.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task An_admin_key_gets_the_full_dashboard_and_can_delete_a_job()
    {
        var admin = await App.ClientAsync(ApiRole.Admin);
        var jobId = EnqueueSummaryNow(admin, out var title);
        var page = await PageAsync(admin, "/hangfire/jobs/enqueued/default");
        Assert.Contains(WebUtility.HtmlEncode(title), page);
        Assert.Contains("js-jobs-list-command", page); // the Delete / Requeue buttons

        var deleted = await PostAsync(admin, page, "/hangfire/jobs/enqueued/delete", jobId);
        Assert.True(deleted.IsSuccessStatusCode, $"delete gave {(int)deleted.StatusCode}");
        Assert.Equal("Deleted", await JobStateAsync(jobId));
    }

    [Fact]
    public async Task A_viewer_key_gets_the_dashboard_read_only()
    {
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        var jobId = EnqueueSummaryNow(await App.ClientAsync(ApiRole.Admin), out var title);
        var page = await PageAsync(viewer, "/hangfire/jobs/enqueued/default");
        Assert.Contains(WebUtility.HtmlEncode(title), page);
        Assert.DoesNotContain("js-jobs-list-command", page);

        var refused = await PostAsync(viewer, page, "/hangfire/jobs/enqueued/delete", jobId);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"delete gave {(int)refused.StatusCode}");
        Assert.Equal("Enqueued", await JobStateAsync(jobId));
    }

    [Fact]
    public async Task Office_sign_in_cookie_gets_in_admin_full_viewer_read_only()
    {
        var jobId = EnqueueSummaryNow(await App.ClientAsync(ApiRole.Admin), out _);
        var viewer = await SignedInAsync("can.bo");
        var viewerPage = await PageAsync(viewer, "/hangfire/jobs/enqueued/default");
        Assert.DoesNotContain("js-jobs-list-command", viewerPage);
        var refused = await PostAsync(viewer, viewerPage, "/hangfire/jobs/enqueued/delete", jobId);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"delete gave {(int)refused.StatusCode}");

        var admin = await SignedInAsync("bi.thu");
        var adminPage = await PageAsync(admin, "/hangfire/jobs/enqueued/default");
        Assert.Contains("js-jobs-list-command", adminPage);
        var deleted = await PostAsync(admin, adminPage, "/hangfire/jobs/enqueued/delete", jobId);
        Assert.True(deleted.IsSuccessStatusCode, $"delete gave {(int)deleted.StatusCode}");
        Assert.Equal("Deleted", await JobStateAsync(jobId));
    }

    [Fact]
    public async Task Send_summary_now_queues_a_named_job_for_the_bots_and_checks_its_input()
    {
        var admin = await App.ClientAsync(ApiRole.Admin);
        var response = await admin.PostAsync($"/api/summaries/send-now?periodId={seeded.Week2}", null).AssertStatusAsync(HttpStatusCode.Accepted);
        var body = await response.JsonAsync();
        var title = (string)body["title"]!;
        Assert.StartsWith("Gửi tổng hợp ngay — Tuần 2", title);
        Assert.EndsWith("— Tháng Thanh niên năm 2024, Cần Thơ", title);
        Assert.Equal("Enqueued", await JobStateAsync((string)body["jobId"]!));

        await admin.PostAsync("/api/summaries/send-now", null).AssertFieldErrorAsync("periodId");
        await admin.PostAsync("/api/summaries/send-now?periodId=999999", null).AssertStatusAsync(HttpStatusCode.NotFound);
        var viewer = await App.ClientAsync(ApiRole.Viewer);
        await viewer.PostAsync($"/api/summaries/send-now?periodId={seeded.Week2}", null).AssertStatusAsync(HttpStatusCode.Forbidden);
    }

    private string EnqueueSummaryNow(HttpClient admin, out string title)
    {
        var response = admin.PostAsync($"/api/summaries/send-now?periodId={seeded.Week2}", null).AssertStatusAsync(HttpStatusCode.Accepted).GetAwaiter().GetResult();
        var body = response.JsonAsync().GetAwaiter().GetResult();
        title = (string)body["title"]!;
        return (string)body["jobId"]!;
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}: {page[..Math.Min(500, page.Length)]}");
        return page;
    }

    /// <summary>A dashboard command as its own page's script sends it: the antiforgery token of the page in a header.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string path, string jobId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("jobs[]", jobId)]),
        };
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        Assert.True(header.Success && token.Success, "the dashboard page carries no antiforgery token");
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")] private static partial Regex AntiforgeryHeader();
    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")] private static partial Regex AntiforgeryToken();
    [GeneratedRegex("name=\"__ym_af\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__ym_af\" value=\"([^\"]+)\"")] private static partial Regex FormToken();

    /// <summary>Signs in through the office sign-in page; the client keeps the ym_office cookie.</summary>
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await client.GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
        var match = FormToken().Match(form);
        Assert.True(match.Success, "no antiforgery field on the sign-in page");
        var token = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(
            [new("__ym_af", WebUtility.HtmlDecode(token)), new("userName", userName), new("password", Password)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthPolicies.CookieName + "=", StringComparison.Ordinal));
        return client;
    }

    private async Task<string?> JobStateAsync(string jobId)
    {
        await using var db = App.Db();
        return await db.Database.SqlQuery<string?>($"SELECT statename AS \"Value\" FROM hangfire.job WHERE id = {long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture)}").SingleAsync();
    }
}
