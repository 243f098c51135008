using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// The Zalo half of the hostile-input corpus (issue 10): every case is POSTed to the webhook with a valid secret.
/// None may get a 5xx (Zalo would redeliver it again and again), and the host must keep serving afterwards.
/// </summary>
public sealed class ZaloHostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "zalo-secret-123";
    private TestDatabase _db = null!;
    private FakeApi _zalo = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _zalo = await FakeApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _zalo.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static JsonObject Base(string id) => new()
    {
        ["event_name"] = "message.text.received",
        ["message"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = "u-hostile", ["display_name"] = "Minh Thư" },
            ["chat"] = new JsonObject { ["id"] = "u-hostile", ["chat_type"] = "PRIVATE" },
            ["message_id"] = id,
            ["date"] = 1750316131602,
            ["text"] = "Xin chào",
        },
    };

    /// <summary>Sets a field by path ("message.chat.id") on a fresh base event.</summary>
    private static byte[] With(int n, string path, JsonNode? value)
    {
        var root = Base($"h{n}");
        var parts = path.Split('.');
        JsonObject target = root;
        foreach (var p in parts[..^1]) target = (JsonObject)target[p]!;
        target[parts[^1]] = value;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A base event with one field's JSON text replaced by raw JSON (escapes JsonNode would not write).</summary>
    private static byte[] Raw(int n, string field, string rawJson)
    {
        var json = Base($"h{n}").ToJsonString();
        var marker = field switch
        {
            "text" => "\"text\":\"Xin chào\"",
            "display_name" => "\"display_name\":\"Minh Thư\"",
            "chat.id" => "\"chat\":{\"id\":\"u-hostile\"",
            "message_id" => $"\"message_id\":\"h{n}\"",
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var replacement = field switch
        {
            "chat.id" => $"\"chat\":{{\"id\":{rawJson}",
            _ => marker[..(marker.IndexOf(':') + 1)] + rawJson,
        };
        var encoded = JsonSerializer.Serialize(Base($"h{n}"));
        var text = json.Contains(marker, StringComparison.Ordinal) ? json : encoded;
        return Encoding.UTF8.GetBytes(text.Replace(marker, replacement, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, byte[] Body)> Corpus()
    {
        var n = 0;
        string[] stringFields = ["event_name", "message.text", "message.caption", "message.from.display_name", "message.from.id",
            "message.chat.id", "message.chat.chat_type", "message.message_id", "message.photo_url"];
        foreach (var f in stringFields)
        {
            yield return ($"NUL in {f}", With(++n, f, $"a\u0000b{n}"));
            yield return ($"only NUL in {f}", With(++n, f, "\u0000"));
        }
        foreach (var field in new[] { "text", "display_name", "chat.id", "message_id" })
        {
            yield return ($"lone high surrogate in {field}", Raw(++n, field, $"\"x\\ud800y{n}\""));
            yield return ($"lone low surrogate in {field}", Raw(++n, field, $"\"\\udc00{n}\""));
            yield return ($"escaped NUL in {field}", Raw(++n, field, $"\"\\u0000{n}\""));
            yield return ($"reversed pair in {field}", Raw(++n, field, $"\"\\udc00\\ud800{n}\""));
        }
        foreach (var date in new JsonNode?[] { 1e15, -1e15, 1e18, -1e18, long.MaxValue, long.MinValue, 1.5, "2024-03-04", true, null, new JsonArray(), 1e300 })
            yield return ($"date {date?.ToJsonString() ?? "null"}", With(++n, "message.date", date?.DeepClone()));
        foreach (var length in new[] { 65, 1000, 100_000 })
            yield return ($"chat.id of {length} chars", With(++n, "message.chat.id", new string('7', length)));
        foreach (var length in new[] { 201, 1000, 100_000 })
            yield return ($"message_id of {length} chars", With(++n, "message.message_id", new string('m', length - 1) + n));
        yield return ("display_name of 1000 chars", With(++n, "message.from.display_name", new string('T', 1000)));
        yield return ("from.id of 1000 chars", With(++n, "message.from.id", new string('9', 1000)));
        yield return ("text of 100,000 chars", With(++n, "message.text", new string('a', 100_000)));
        yield return ("text of 100,000 Vietnamese chars", With(++n, "message.text", string.Concat(Enumerable.Repeat("Tiếng Việt ", 9091))));
        yield return ("caption of 100,000 chars on an image", Encoding.UTF8.GetBytes(Image(++n, new string('c', 100_000))));
        yield return ("photo_url of 100,000 chars", With(++n, "message.photo_url", "https://x/" + new string('p', 100_000)));
        yield return ("event_name of 100,000 chars", With(++n, "event_name", new string('e', 100_000)));

        // Wrong types in every field.
        JsonNode?[] wrong = [42, -1, 1e308, true, false, null, new JsonObject(), new JsonArray(1, 2), "", "   "];
        string[] allFields = [.. stringFields, "message", "message.from", "message.chat", "message.date"];
        foreach (var f in allFields)
            foreach (var w in wrong)
                yield return ($"{f} = {w?.ToJsonString() ?? "null"}", With(++n, f, w?.DeepClone()));
        foreach (var w in wrong)
        {
            var root = new JsonObject { ["ok"] = true, ["result"] = w?.DeepClone() };
            yield return ($"wrapped result = {w?.ToJsonString() ?? "null"}", Encoding.UTF8.GetBytes(root.ToJsonString()));
        }

        // Not an event at all.
        foreach (var body in new[] { "", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{}", "{\"ok\":true}", "{", "}", "{\"a\":}", "not json" })
            yield return ($"body {body}", Encoding.UTF8.GetBytes(body));
        yield return ("invalid UTF-8 in text", Invalid(++n, [0xC3, 0x28]));
        yield return ("invalid UTF-8: lone continuation byte", Invalid(++n, [0x80, 0x81]));
        yield return ("invalid UTF-8: overlong NUL", Invalid(++n, [0xC0, 0x80]));
        yield return ("invalid UTF-8: UTF-16 surrogate encoded", Invalid(++n, [0xED, 0xA0, 0x80]));
        yield return ("invalid UTF-8: truncated sequence at the end", [.. Encoding.UTF8.GetBytes("{\"event_name\":\"message.text.received\",\"x\":\""), 0xE1, 0xBB]);
        yield return ("UTF-8 BOM then event", [0xEF, 0xBB, 0xBF, .. With(++n, "message.text", "BOM")]);
        foreach (var depth in new[] { 65, 1000, 100_000 })
        {
            yield return ($"{depth} nested arrays as text", Encoding.UTF8.GetBytes(Base($"h{++n}").ToJsonString()
                .Replace("\"Xin chào\"", new string('[', depth) + new string(']', depth), StringComparison.Ordinal)));
            yield return ($"{depth} nested objects as body", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
        }
        yield return ("2 MB body", With(++n, "message.text", new string('b', 2 * 1024 * 1024)));
        yield return ("20 MB body", With(++n, "message.text", new string('b', 20 * 1024 * 1024)));
        yield return ("duplicate keys", Encoding.UTF8.GetBytes("{\"event_name\":\"message.text.received\",\"event_name\":1,\"message\":{\"message_id\":\"d\",\"message_id\":{},\"chat\":{\"id\":\"u\"},\"chat\":[]}}"));
    }

    private static string Image(int n, string caption)
    {
        var root = Base($"h{n}");
        root["event_name"] = "message.image.received";
        root["message"]!["caption"] = caption;
        return root.ToJsonString();
    }

    private static byte[] Invalid(int n, byte[] bad)
    {
        var json = Encoding.UTF8.GetBytes(Base($"h{n}").ToJsonString());
        var marker = Encoding.UTF8.GetBytes("Xin ch");
        var at = json.AsSpan().IndexOf(marker);
        return [.. json[..at], .. bad, .. json[at..]];
    }

    [Fact]
    public async Task Every_hostile_case_gets_no_5xx_and_the_host_keeps_serving()
    {
        await using var app = new BotApp(_db) { UseEchoHandler = true };
        app.Settings["Zalo:Token"] = "1234567890:zalo-token";
        app.Settings["Zalo:Mode"] = "Webhook";
        app.Settings["Zalo:ApiBaseUrl"] = _zalo.BaseUrl;
        app.Settings["Zalo:WebhookSecret"] = Secret;
        app.ListenOnRealPort = true; // Kestrel's own body limits and UTF-8 handling, not the in-memory server's
        app.Start();
        await using (var seed = app.Db())
        {
            seed.ChatAccounts.Add(new ChatAccount { Channel = Channel.Zalo, ChatId = "u-keep", DisplayName = "Đã có", CreatedAt = DateTimeOffset.UtcNow });
            await seed.SaveChangesAsync();
        }
        using var client = app.Client();
        client.Timeout = TimeSpan.FromMinutes(2);

        var cases = Corpus().ToList();
        var tally = await WebhookCorpus.PostAllAsync(client, "/zalo/webhook", ZaloWebhook.SecretHeader, Secret, cases, ZaloWebhook.MaxBodyBytes);
        output.WriteLine($"Zalo hostile corpus: {tally}");
        Assert.Empty(tally.ServerErrors);
        Assert.True(cases.Count >= 200, $"{cases.Count} cases");

        // Everything stored gets handled (nothing wedges a worker), and the host still serves a normal user.
        await app.WaitForAsync(db => db.Inbox.CountAsync(i => i.ProcessedAt == null), n => n == 0, 120_000);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var normal = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook")
        {
            Content = new StringContent(Base("after").ToJsonString().Replace("u-hostile", "u-after"), Encoding.UTF8, "application/json"),
        };
        normal.Headers.Add(ZaloWebhook.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(normal)).StatusCode);
        await app.WaitForAsync(_ => Task.FromResult(_zalo.CallsTo("sendMessage").Count(c => c.Body.GetProperty("chat_id").GetString() == "u-after")),
            n => n == 1, 60_000);
        await using var db = app.Db();
        Assert.Equal("Đã có", (await db.ChatAccounts.SingleAsync(a => a.ChatId == "u-keep")).DisplayName);
        Assert.Equal(0, await db.Inbox.CountAsync(i => i.DeadLetteredAt != null));
    }
}
