using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// Issue 10, "No 5xx from input", admin half: a corpus of hostile inputs sent to every admin write endpoint (found
/// from the routing table, so a new endpoint is covered without touching this test), to the CSV import and to the
/// plan import. Every answer must be below 500, and afterwards the host must still serve and the stored plan still
/// export. The counts go to docs/deploy.md.
/// </summary>
public sealed class HostileInputCorpusTests(AdminApp app, ITestOutputHelper output) : IClassFixture<AdminApp>
{
    private const string Nul = "\u0000";

    /// <summary>Text that is hostile or merely odd; some of it is valid and may be stored.</summary>
    private static readonly string[] Strings =
    [
        Nul, "a" + Nul + "b", "\ud800", "x\udc00y", new string('ệ', 100_000), "   ",
        "\u202e\u200b\ufeff", "'; DROP TABLE units; --", "👍🏽👨‍👩‍👧", new string('9', 400), "2024-02-30", "9999-12-31T23:59:59",
    ];

    /// <summary>Wrong types and out-of-range numbers, as raw JSON.</summary>
    private static readonly string[] Values =
    [
        "null", "true", "[]", "{}", "-1", "2147483648", "9223372036854775808", "1e400", "0.5", "[[[[[[[[[[1]]]]]]]]]]",
    ];

    /// <summary>Whole bodies: not JSON, broken UTF-8, too deep, too big, odd framing.</summary>
    private static IEnumerable<(string Name, byte[] Bytes, string ContentType)> RawBodies(long limit)
    {
        yield return ("empty", [], "application/json");
        yield return ("null", "null"u8.ToArray(), "application/json");
        yield return ("truncated", "{\"name\": \"a"u8.ToArray(), "application/json");
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'], "application/json");
        yield return ("overlong UTF-8 NUL", [(byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC0, 0x80, (byte)'"', (byte)'}'], "application/json");
        yield return ("escaped lone surrogate", "{\"name\": \"\\ud800\", \"label\": \"\\udfff\"}"u8.ToArray(), "application/json");
        yield return ("escaped NUL", "{\"name\": \"\\u0000\", \"title\": \"a\\u0000\"}"u8.ToArray(), "application/json");
        yield return ("nested 10,000 deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "application/json");
        yield return ("nested objects 1,000 deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)), "application/json");
        yield return ("over the limit", Encoding.UTF8.GetBytes("{\"name\": \"" + new string('a', (int)limit + 1024) + "\"}"), "application/json");
        yield return ("5,000 keys", Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"k{i}\":{i}")) + "}"), "application/json");
        yield return ("duplicate keys", "{\"name\": \"a\", \"name\": \"b\", \"name\": null}"u8.ToArray(), "application/json");
        yield return ("comments and trailing comma", "{/* c */ \"name\": \"a\",}"u8.ToArray(), "application/json");
        yield return ("BOM", [0xEF, 0xBB, 0xBF, .. "{\"name\": \"a\"}"u8.ToArray()], "application/json");
        yield return ("text/plain", "name=a"u8.ToArray(), "text/plain");
        yield return ("form", "name=a%00b"u8.ToArray(), "application/x-www-form-urlencoded");
        yield return ("binary", [0x00, 0x01, 0xFE, 0xFF, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47], "application/octet-stream");
        yield return ("UTF-16", Encoding.Unicode.GetBytes("{\"name\": \"a\"}"), "application/json; charset=utf-16");
    }

    /// <summary>
    /// Ids that do not fit the route. NUL in the path (%00) is not here: the test server refuses to build such a
    /// request (InvalidOperationException in the client); <see cref="A_NUL_in_the_URL_of_every_admin_endpoint_gets_no_5xx"/>
    /// sends it to Kestrel byte for byte.
    /// </summary>
    private static readonly string[] HostileIds = ["-1", "2147483648", "abc"];

    private sealed class Tally
    {
        public int Cases;
        public readonly SortedDictionary<int, int> ByStatus = [];
        public readonly List<string> ServerErrors = [];
        public readonly List<string> NotProblemDetails = [];

        public void Add(int status, string what)
        {
            lock (this) Record(status, what);
        }

        private void Record(int status, string what)
        {
            Cases++;
            ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
            if (status >= 500 && ServerErrors.Count < 30) ServerErrors.Add($"{status} {what}");
        }

        public override string ToString() => $"{Cases} cases: " + string.Join(", ", ByStatus.Select(kv => $"{kv.Value} × {kv.Key}"));
    }

    [Fact]
    public async Task Every_hostile_case_to_every_admin_write_endpoint_and_import_gets_no_5xx_and_the_host_keeps_serving()
    {
        // A host of its own that logs warnings only: thousands of "Rejected …" lines would slow the run several-fold.
        await using var quiet = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        var key = (await app.ClientAsync()).DefaultRequestHeaders.GetValues(ApiKeyAuthenticationHandler.HeaderName).Single();
        var client = quiet.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5); // a loaded machine; a hang still shows as a failed case
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var imported = await client.PostJsonAsync("/api/plan/import", Http.Sample("cantho-2024.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;
        var planBefore = await (await client.GetAsync($"/api/campaigns/{campaignId}/plan").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var ids = await RealIdsAsync(campaignId);
        var tally = new Tally();

        async Task<int> Send(HttpMethod method, string url, HttpContent? content, string what)
        {
            int status;
            try
            {
                using var request = new HttpRequestMessage(method, url) { Content = content };
                using var response = await client.SendAsync(request);
                status = (int)response.StatusCode;
                if (status >= 400 && status != 404 && status != 405)
                {
                    var type = response.Content.Headers.ContentType?.MediaType;
                    if (type != "application/problem+json")
                        lock (tally) if (tally.NotProblemDetails.Count < 30) tally.NotProblemDetails.Add($"{status} ({type}): {what}");
                }
            }
            catch (Exception ex)
            {
                status = 599; // the host threw through the test server: as bad as a 500
                what += " → " + ex.GetType().Name + ": " + ex.Message;
            }
            tally.Add(status, what);
            return status;
        }

        static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");
        static HttpContent Raw(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            return content;
        }

        // 1. Every write endpoint: raw bodies, a body with every known field set to each hostile value, hostile ids.
        var endpoints = WriteEndpoints(quiet.Services);
        output.WriteLine($"{endpoints.Count} admin write endpoints: " + string.Join(", ", endpoints.Select(e => $"{e.Method} {e.Template}")));
        Assert.True(endpoints.Count >= 29, $"only {endpoints.Count} write endpoints found");
        var fields = RequestFieldNames();
        var cases = new List<(HttpMethod Method, string Url, Func<HttpContent> Body, string What)>();
        foreach (var (method, template) in endpoints)
        {
            var verb = new HttpMethod(method);
            // DELETE with a real id would delete the plan the other cases need; it gets hostile ids only.
            var url = method == "DELETE" ? Fill(template, ids, "999999") : Fill(template, ids, null);
            var limit = template.Contains("import", StringComparison.Ordinal) ? 5 * 1024 * 1024 : 1024 * 1024;
            foreach (var (name, bytes, type) in RawBodies(limit))
                cases.Add((verb, url, () => Raw(bytes, type), $"{method} {url} [{name}]"));
            foreach (var value in Strings.Select(s => JsonValue.Create(s)!.ToJsonString()).Concat(Values))
            {
                var bag = "{" + string.Join(",", fields.Select(f => $"\"{f}\":{value}")) + "}";
                cases.Add((verb, url, () => Json(bag), $"{method} {url} [every field = {Short(value)}]"));
            }
            foreach (var value in Values)
                cases.Add((verb, url, () => Json(value), $"{method} {url} [body = {Short(value)}]"));
            foreach (var id in template.Contains('{') ? HostileIds : [])
                cases.Add((verb, Fill(template, ids, id), () => Json("{}"), $"{method} {Fill(template, ids, id)} [hostile id]"));
            cases.Add((verb, url + "?dryRun=perhaps&reason=%00&page=2147483648&version=-1", () => Json("{}"), $"{method} {url} [hostile query]"));
        }
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (c, _) => await Send(c.Method, c.Url, c.Body(), c.What));
        var perEndpoint = tally.Cases;

        // 2. Real records of every area, each field replaced by each hostile value, sent as an update and as a create.
        string[] fieldStrings = [Nul, "\ud800", new string('ệ', 100_000), "<script>alert(1)</script>"];
        string[] fieldValues = ["null", "[]", "2147483648", "1e400"];
        await Parallel.ForEachAsync(new[] { "organisations", "campaigns", "periods", "metrics", "targets", "activities", "units", "contacts", "leader-chats" },
            new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (area, _) =>
        {
            var item = await FirstAsync(client, area);
            foreach (var field in item.Select(kv => kv.Key).Where(k => k is not "id" and not "version").ToList())
            foreach (var value in fieldStrings.Select(v => JsonValue.Create(v)!.ToJsonString()).Concat(fieldValues))
            {
                // Spliced in as raw JSON: 1e400 must reach the server as sent, and no JsonNode can hold it.
                var edited = (JsonObject)item.DeepClone();
                edited[field] = "\u0001SPLICE\u0001";
                var json = edited.ToJsonString().Replace("\"\\u0001SPLICE\\u0001\"", value, StringComparison.Ordinal);
                var updated = await Send(HttpMethod.Put, $"/api/{area}/{(int)item["id"]!}", Json(json), $"PUT {area}.{field} = {Short(value)}");
                if (updated is >= 200 and < 300) item = await FirstAsync(client, area); // a valid oddity moved the version on
            }
        });
        var perField = tally.Cases - perEndpoint;

        // 3. CSV import.
        var csvUrl = $"/api/organisations/{ids["organisations"]}/units/import-csv";
        var header = "unit,kind,cluster,members,contact,phone,role\n";
        var csvBodies = new List<(string, byte[])>
        {
            ("NUL", Encoding.UTF8.GetBytes(header + "Phường\u00001,DoanCoSo,,10,An,,\n")),
            ("lone surrogate", Encoding.UTF8.GetBytes(header).Concat(new byte[] { 0xED, 0xA0, 0x80, (byte)',', (byte)'\n' }).ToArray()),
            ("invalid UTF-8", [.. Encoding.UTF8.GetBytes(header), 0xC3, 0x28, 0xFF, (byte)'\n']),
            ("100,000-character cell", Encoding.UTF8.GetBytes(header + new string('a', 100_000) + ",DoanCoSo,,1,An,,\n")),
            ("2,000 lines", Encoding.UTF8.GetBytes(header + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"Đơn vị {i},DoanCoSo,,1,,,\n")))),
            ("unbalanced quotes", Encoding.UTF8.GetBytes(header + "\"Phường 1,DoanCoSo\n\"\"\",,,\n")),
            ("header only", Encoding.UTF8.GetBytes(header)),
            ("empty", []),
            ("binary", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]),
            ("too many columns", Encoding.UTF8.GetBytes(header + "A,DoanCoSo,,1,B,0900,C,D,E,F,G\n")),
            ("members out of range", Encoding.UTF8.GetBytes(header + "A,DoanCoSo,,99999999999999999999,,,\nB,DoanCoSo,,-5,,,\nC,DoanCoSo,,1e9,,,\n")),
            ("unknown kind", Encoding.UTF8.GetBytes(header + "A,Khác,,1,,,\nB,0,,1,,,\n")),
            ("semicolons", Encoding.UTF8.GetBytes("unit;kind\nA;DoanCoSo\n")),
            ("CR only", Encoding.UTF8.GetBytes("unit,kind\rA,DoanCoSo\r")),
            ("BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(header + "Đơn vị BOM,DoanCoSo,,1,,,\n")]),
            ("over the limit", Encoding.UTF8.GetBytes(header + new string('a', 5 * 1024 * 1024 + 10))),
            ("formula", Encoding.UTF8.GetBytes(header + "=HYPERLINK(\"x\"),DoanCoSo,,1,@SUM(1),+1,-1\n")),
        };
        await Parallel.ForEachAsync(csvBodies.SelectMany(b => new[] { "text/csv", "application/json" }.Select(t => (b.Item1, b.Item2, t))),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (c, _) => await Send(HttpMethod.Post, csvUrl, Raw(c.Item2, c.t), $"CSV [{c.Item1}, {c.t}]"));
        var csvCases = tally.Cases - perEndpoint - perField;

        // 4. Plan import: each string of the sample (the first of each list) replaced by each hostile string.
        var sample = Http.Sample("tanphu-2023.json");
        var stringPaths = Leaves(JsonNode.Parse(sample)!).Where(n => n.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(n => n.GetPath()).ToList();
        await Parallel.ForEachAsync(stringPaths.SelectMany(p => new[] { "a" + Nul + "b", "\ud800", new string('ệ', 100_000) }.Select(v => (p, v))),
            new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
        {
            var doc = JsonNode.Parse(sample)!;
            var target = Leaves(doc).First(n => n.GetPath() == c.p);
            switch (target.Parent)
            {
                case JsonObject parent: parent[target.GetPropertyName()] = c.v; break;
                case JsonArray array: array[target.GetElementIndex()] = c.v; break;
            }
            await Send(HttpMethod.Post, "/api/plan/import?dryRun=true", Json(doc.ToJsonString()), $"plan {c.p} = {Short(c.v)}");
        });
        var planCases = tally.Cases - perEndpoint - perField - csvCases;

        output.WriteLine($"per endpoint: {perEndpoint}; per field of real records: {perField}; CSV: {csvCases}; plan import: {planCases}");
        output.WriteLine(tally.ToString());
        output.WriteLine($"4xx without ProblemDetails (first 30): {tally.NotProblemDetails.Count}\n" + string.Join("\n", tally.NotProblemDetails));
        Assert.True(tally.ServerErrors.Count == 0, string.Join("\n", tally.ServerErrors));

        // The host still serves, and what was stored before is still there and still exports.
        await quiet.CreateClient().GetAsync("/health/ready").AssertStatusAsync(HttpStatusCode.OK);
        var planAfter = JsonNode.Parse(await (await client.GetAsync($"/api/campaigns/{campaignId}/plan").AssertStatusAsync(HttpStatusCode.OK)).Content.ReadAsStringAsync())!;
        Assert.Equal(JsonNode.Parse(planBefore)!["campaign"]!["periods"]!.AsArray().Count, planAfter["campaign"]!["periods"]!.AsArray().Count);
        await using var db = app.Db();
        Assert.True(await db.Units.CountAsync() > 0);
    }

    /// <summary>Query names the admin API reads somewhere; each gets %00 on every endpoint.</summary>
    private static readonly string[] QueryNames =
        ["campaignId", "periodId", "organisationId", "unitId", "date", "q", "search", "status", "channel", "chatId", "from", "to",
         "page", "pageSize", "dryRun", "reason", "version", "kind", "format"];

    [Fact]
    public async Task A_NUL_in_the_URL_of_every_admin_endpoint_gets_no_5xx()
    {
        // A plan of its own; emptied again at the end for the other test of this class, which imports the same plan.
        await app.ResetAsync();
        var key = (await app.ClientAsync()).DefaultRequestHeaders.GetValues(ApiKeyAuthenticationHandler.HeaderName).Single();
        var port = FreePort();
        await using var real = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        real.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        real.StartServer();
        var imported = await new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), DefaultRequestHeaders = { { ApiKeyAuthenticationHandler.HeaderName, key } } }
            .PostJsonAsync("/api/plan/import", Http.Sample("cantho-2024.json")).AssertStatusAsync(HttpStatusCode.Created);
        var ids = await RealIdsAsync((int)(await imported.JsonAsync())["campaignId"]!);

        var endpoints = real.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && t.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Template: e.RoutePattern.RawText!)))
            .Distinct().ToList();
        var cases = new List<(string Method, string Target)>();
        foreach (var (method, template) in endpoints)
        {
            // DELETE never gets a real id: the other cases need the plan.
            var filled = method == "DELETE" ? Fill(template, ids, "999999") : Fill(template, ids, null);
            cases.Add((method, filled + "%00"));
            cases.Add((method, filled + "/%00"));
            cases.Add((method, filled + "?" + string.Join("&", QueryNames.Select(n => $"{n}=%00"))));
            cases.Add((method, filled + "?" + string.Join("&", QueryNames.Select(n => $"{n}=1%00"))));
            if (template.Contains('{'))
                foreach (var id in new[] { "%00", "1%00", "%00abc" })
                    cases.Add((method, Fill(template, ids, id).Replace("AbCdEf1234", id, StringComparison.Ordinal)));
        }
        cases.AddRange([("GET", "/%00"), ("GET", "/api/%00"), ("GET", "/health/ready%00"), ("GET", "/health/ready?%00")]);

        var byStatus = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        foreach (var (method, target) in cases)
        {
            var status = await RawStatusAsync(port, method, target, $"{ApiKeyAuthenticationHandler.HeaderName}: {key}");
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status is >= 500 or 0) serverErrors.Add($"{status} {method} {target}");
        }
        output.WriteLine($"{endpoints.Count} admin endpoints, {cases.Count} URLs with %00: " + string.Join(", ", byStatus.Select(kv => $"{kv.Value} × {kv.Key}")));
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors.Take(30)));
        Assert.Equal(200, await RawStatusAsync(port, "GET", "/health/ready", null));
        await app.ResetAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends the request line exactly as given (an empty JSON body for writes); the status code, 0 when the connection closed first.</summary>
    private static async Task<int> RawStatusAsync(int port, string method, string target, string? header)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var body = method is "GET" or "HEAD" or "DELETE" ? "" : "{}";
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
        if (header is not null) head.Append(header).Append("\r\n");
        if (body.Length > 0) head.Append("Content-Type: application/json\r\n");
        head.Append($"Content-Length: {body.Length}\r\n\r\n").Append(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return statusLine?.Split(' ') is [_, var code, ..] && int.TryParse(code, out var status) ? status : 0;
    }

    private static List<(string Method, string Template)> WriteEndpoints(IServiceProvider services)
    {
        var sources = services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && t.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH")
                .Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every property name of the admin API's request records, camelCased, nested ones included.</summary>
    private static List<string> RequestFieldNames() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("YouthMonth.Admin", StringComparison.Ordinal) == true && t.Name.EndsWith("Request", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name))
            .Append("questions").Append("letterhead").Append("periods").Append("campaign")
            .Select(n => char.ToLowerInvariant(n[0]) + n[1..]).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    private async Task<Dictionary<string, string>> RealIdsAsync(int campaignId)
    {
        await using var db = app.Db();
        var orgId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.OrganisationId).SingleAsync();
        var contactId = await db.Contacts.Where(c => c.Unit!.OrganisationId == orgId).Select(c => c.Id).FirstAsync();
        var chat = new Core.Messaging.ChatAccount { Channel = Core.Messaging.Channel.Telegram, ChatId = "corpus-1", ContactId = contactId, CreatedAt = app.Clock.GetUtcNow() };
        db.ChatAccounts.Add(chat);
        await db.SaveChangesAsync();
        return new()
        {
            ["organisations"] = orgId.ToString(),
            ["campaigns"] = campaignId.ToString(),
            ["periods"] = (await db.Periods.Where(p => p.CampaignId == campaignId).Select(p => p.Id).FirstAsync()).ToString(),
            ["metrics"] = (await db.Metrics.Where(m => m.CampaignId == campaignId).Select(m => m.Id).FirstAsync()).ToString(),
            ["targets"] = (await db.Targets.Where(t => t.CampaignId == campaignId).Select(t => t.Id).FirstOrDefaultAsync()).ToString(),
            ["activities"] = (await db.Activities.Where(a => a.CampaignId == campaignId).Select(a => a.Id).FirstOrDefaultAsync()).ToString(),
            ["units"] = (await db.Units.Where(u => u.OrganisationId == orgId).Select(u => u.Id).FirstAsync()).ToString(),
            ["contacts"] = contactId.ToString(),
            ["leader-chats"] = (await db.LeaderChats.Where(l => l.OrganisationId == orgId).Select(l => l.Id).FirstAsync()).ToString(),
            ["chats"] = chat.Id.ToString(),
            ["keys"] = "999999",
            ["reports"] = "1",
            ["dead-letters"] = "1",
        };
    }

    /// <summary>The template with its parameters filled: the area's real id, or <paramref name="id"/> when given.</summary>
    private static string Fill(string template, Dictionary<string, string> ids, string? id)
    {
        var area = template.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
        var sb = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            if (sb.Length > 0 || segment.Length > 0) sb.Append('/');
            if (!segment.StartsWith('{')) { sb.Append(segment); continue; }
            var name = segment.Trim('{', '}').Split(':')[0];
            sb.Append(name == "code" ? "AbCdEf1234" : id ?? ids.GetValueOrDefault(area, "1"));
        }
        return sb.ToString().Replace("//", "/", StringComparison.Ordinal);
    }

    private static async Task<JsonObject> FirstAsync(HttpClient client, string area)
    {
        var page = await (await client.GetAsync($"/api/{area}?pageSize=1").AssertStatusAsync(HttpStatusCode.OK)).JsonAsync();
        return page["items"]!.AsArray()[0]!.AsObject();
    }

    private static IEnumerable<JsonNode> Leaves(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                    if (child is not null) foreach (var n in Leaves(child)) yield return n;
                break;
            case JsonArray { Count: > 0 } a when a[0] is { } first:
                foreach (var n in Leaves(first)) yield return n;
                break;
            case JsonValue v:
                yield return v;
                break;
        }
    }

    private static string Short(string s) => s.Length > 24 ? $"{s[..12]}…({s.Length} chars)" : s.Replace(Nul, "\\0", StringComparison.Ordinal);
}
