using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// The Telegram half of the hostile-input corpus (issue 10): every case is POSTed to the webhook with a valid secret.
/// None may get a 5xx (Telegram redelivers those for hours), what is stored must be handled, and the host must keep
/// serving a normal user afterwards without damage to what was already stored.
/// </summary>
public sealed class TelegramHostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "tg_hostile-secret";
    private const long Chat = 6001;
    private TestDatabase _db = null!;
    private FakeApi _telegram = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _telegram = await FakeApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static JsonObject User() => new() { ["id"] = Chat, ["is_bot"] = false, ["first_name"] = "Minh", ["last_name"] = "Thư", ["username"] = "minhthu" };
    private static JsonObject PrivateChat() => new() { ["id"] = Chat, ["type"] = "private", ["first_name"] = "Minh" };

    /// <summary>The kinds of update the Bot reads, each a valid update on its own.</summary>
    private static JsonObject Base(string kind, int n) => kind switch
    {
        "text" => new()
        {
            ["update_id"] = n,
            ["message"] = new JsonObject
            {
                ["message_id"] = n, ["date"] = 1_765_000_000, ["from"] = User(), ["chat"] = PrivateChat(), ["text"] = "Xin chào",
                ["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = 3, ["type"] = "bold" }),
            },
        },
        "group" => new()
        {
            ["update_id"] = n,
            ["message"] = new JsonObject
            {
                ["message_id"] = n, ["date"] = 1_765_000_000, ["from"] = User(),
                ["chat"] = new JsonObject { ["id"] = -100_6001, ["type"] = "supergroup", ["title"] = "Nhóm lãnh đạo" },
                ["text"] = "/tonghop@FakeBot tuần 2",
            },
        },
        "photo" => new()
        {
            ["update_id"] = n,
            ["message"] = new JsonObject
            {
                ["message_id"] = n, ["date"] = 1_765_000_000, ["from"] = User(), ["chat"] = PrivateChat(),
                ["caption"] = "Ra quân", ["media_group_id"] = "album-1",
                ["photo"] = new JsonArray(
                    new JsonObject { ["file_id"] = "F-small", ["file_unique_id"] = "u0", ["width"] = 90, ["height"] = 60, ["file_size"] = 100 },
                    new JsonObject { ["file_id"] = "F-big", ["file_unique_id"] = "u1", ["width"] = 1280, ["height"] = 960, ["file_size"] = 1000 }),
            },
        },
        "contact" => new()
        {
            ["update_id"] = n,
            ["message"] = new JsonObject
            {
                ["message_id"] = n, ["date"] = 1_765_000_000, ["from"] = User(), ["chat"] = PrivateChat(),
                ["contact"] = new JsonObject { ["phone_number"] = "+84900000000", ["first_name"] = "Minh", ["user_id"] = Chat },
            },
        },
        "callback" => new()
        {
            ["update_id"] = n,
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cb-{n}", ["from"] = User(), ["chat_instance"] = "ci-1", ["data"] = "c:yes",
                ["message"] = new JsonObject { ["message_id"] = 7, ["date"] = 1_765_000_000, ["chat"] = PrivateChat(), ["text"] = "Chọn một:" },
            },
        },
        "blocked" => new()
        {
            ["update_id"] = n,
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = PrivateChat(), ["from"] = User(), ["date"] = 1_765_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "Fake" } },
                ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["until_date"] = 0, ["user"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "Fake" } },
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The fields each kind carries that come from users or from Telegram, by path ("message.photo.1.file_id").</summary>
    private static readonly (string Kind, string[] Strings, string[] Others)[] Fields =
    [
        ("text", ["message.text", "message.from.first_name", "message.from.last_name", "message.from.username", "message.chat.type",
            "message.chat.first_name", "message.entities.0.type"],
            ["update_id", "message", "message.message_id", "message.date", "message.from", "message.from.id", "message.chat", "message.chat.id",
            "message.entities", "message.entities.0.offset"]),
        ("group", ["message.text", "message.chat.title", "message.chat.type"], ["message.chat.id"]),
        ("photo", ["message.caption", "message.media_group_id", "message.photo.1.file_id", "message.photo.1.file_unique_id"],
            ["message.photo", "message.photo.1", "message.photo.1.width", "message.photo.1.file_size"]),
        ("contact", ["message.contact.phone_number", "message.contact.first_name"], ["message.contact", "message.contact.user_id"]),
        ("callback", ["callback_query.id", "callback_query.data", "callback_query.from.first_name", "callback_query.chat_instance",
            "callback_query.message.text"],
            ["callback_query", "callback_query.from", "callback_query.message", "callback_query.message.chat.id", "callback_query.message.date"]),
        ("blocked", ["my_chat_member.new_chat_member.status"], ["my_chat_member.chat.id", "my_chat_member.new_chat_member", "my_chat_member.date"]),
    ];

    private const string Marker = "\"@@RAW@@\"";

    /// <summary>A fresh update of <paramref name="kind"/> with the field at <paramref name="path"/> set (or replaced by raw JSON text).</summary>
    private static byte[] With(string kind, int n, string path, JsonNode? value, string? raw = null)
    {
        var root = Base(kind, n);
        var parts = path.Split('.');
        JsonNode target = root;
        foreach (var p in parts[..^1]) target = int.TryParse(p, out var i) ? target[i]! : target[p]!;
        var last = parts[^1];
        var node = raw is null ? value : JsonValue.Create("@@RAW@@");
        if (int.TryParse(last, out var index)) ((JsonArray)target)[index] = node;
        else ((JsonObject)target)[last] = node;
        var json = root.ToJsonString();
        return Encoding.UTF8.GetBytes(raw is null ? json : json.Replace(Marker, raw, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, byte[] Body)> Corpus()
    {
        var n = 1000;
        foreach (var (kind, strings, others) in Fields)
        {
            foreach (var f in strings)
            {
                yield return ($"{kind}: NUL inside {f}", With(kind, ++n, f, $"a\u0000b{n}"));
                yield return ($"{kind}: only NUL in {f}", With(kind, ++n, f, "\u0000"));
                yield return ($"{kind}: escaped NUL in {f}", With(kind, ++n, f, null, $"\"\\u0000x{n}\""));
                yield return ($"{kind}: lone high surrogate in {f}", With(kind, ++n, f, null, $"\"x\\ud800y{n}\""));
                yield return ($"{kind}: lone low surrogate in {f}", With(kind, ++n, f, null, $"\"\\udc00{n}\""));
                yield return ($"{kind}: reversed pair in {f}", With(kind, ++n, f, null, $"\"\\udc00\\ud800{n}\""));
                yield return ($"{kind}: 100,000 chars in {f}", With(kind, ++n, f, new string('a', 99_990) + n));
                yield return ($"{kind}: 100,000 Vietnamese chars in {f}", With(kind, ++n, f, string.Concat(Enumerable.Repeat("Tiếng Việt ", 9091))));
                yield return ($"{kind}: empty {f}", With(kind, ++n, f, ""));
            }
            // Wrong types in every field, strings and the rest.
            JsonNode?[] wrong = [42, -1, 1e308, true, null, new JsonObject(), new JsonArray(1, 2), "", "x"];
            foreach (var f in strings.Concat(others))
                foreach (var w in wrong)
                    yield return ($"{kind}: {f} = {w?.ToJsonString() ?? "null"}", With(kind, ++n, f, w?.DeepClone()));
        }

        foreach (var date in new[] { "1e15", "-1e15", "1e18", "-1e18", "1000000000000000", "-1000000000000000", "1000000000000000000",
                     "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1.5", "1e300", "-0", "\"2024-03-04\"", "\"1765000000\"" })
        {
            yield return ($"message date {date}", With("text", ++n, "message.date", null, date));
            yield return ($"callback message date {date}", With("callback", ++n, "callback_query.message.date", null, date));
            yield return ($"my_chat_member date {date}", With("blocked", ++n, "my_chat_member.date", null, date));
        }
        foreach (var id in new[] { $"\"{++n}\"", "\"abc\"", "\"\"", "\"1e3\"", "0", "-1", "2147483648", "9223372036854775808", "1e10", "1.5", "-0" })
            yield return ($"update_id {id}", With("text", ++n, "update_id", null, id));
        foreach (var id in new[] { "\"6001\"", "\"abc\"", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5" })
            yield return ($"chat.id {id}", With("text", ++n, "message.chat.id", null, id));

        // Not an update at all.
        foreach (var body in new[] { "", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{}", "{\"update_id\":null}", "{", "}", "{\"a\":}",
                     "not json", "{\"ok\":true,\"result\":[]}", "{\"update_id\":5}" })
            yield return ($"body {body}", Encoding.UTF8.GetBytes(body));

        yield return ("invalid UTF-8 in text", Invalid(++n, [0xC3, 0x28]));
        yield return ("invalid UTF-8: lone continuation bytes", Invalid(++n, [0x80, 0x81]));
        yield return ("invalid UTF-8: overlong NUL", Invalid(++n, [0xC0, 0x80]));
        yield return ("invalid UTF-8: encoded surrogate", Invalid(++n, [0xED, 0xA0, 0x80]));
        yield return ("invalid UTF-8: 0xFF", Invalid(++n, [0xFF, 0xFE]));
        yield return ("invalid UTF-8: truncated at the end", [.. Encoding.UTF8.GetBytes("{\"update_id\":1,\"message\":{\"text\":\""), 0xE1, 0xBB]);
        yield return ("UTF-8 BOM then update", [0xEF, 0xBB, 0xBF, .. With("text", ++n, "message.text", "BOM")]);
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(With("text", ++n, "message.text", "UTF-16"))));

        foreach (var depth in new[] { 65, 1000, 100_000 })
        {
            yield return ($"{depth} nested arrays as text", With("text", ++n, "message.text", null, new string('[', depth) + new string(']', depth)));
            yield return ($"{depth} nested objects in an unknown field", With("text", ++n, "message.extra", null,
                string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
            yield return ($"{depth} nested objects as body", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
            yield return ($"{depth} nested reply_to_message", Encoding.UTF8.GetBytes(NestedReplies(++n, depth)));
        }
        yield return ("body just under 1 MB", With("text", ++n, "message.text", new string('u', 1024 * 1024 - 1000)));
        yield return ("body just over 1 MB", With("text", ++n, "message.text", new string('o', 1024 * 1024 + 10)));
        yield return ("2 MB body", With("text", ++n, "message.text", new string('b', 2 * 1024 * 1024)));
        yield return ("20 MB body", With("text", ++n, "message.text", new string('b', 20 * 1024 * 1024)));
        yield return ("10,000 photo sizes", With("photo", ++n, "message.photo", new JsonArray(Enumerable.Range(0, 10_000)
            .Select(i => (JsonNode)new JsonObject { ["file_id"] = $"f{i}", ["file_unique_id"] = $"u{i}", ["width"] = i, ["height"] = i }).ToArray())));
        yield return ("100,000 entities", With("text", ++n, "message.entities", new JsonArray(Enumerable.Range(0, 100_000)
            .Select(_ => (JsonNode)new JsonObject { ["offset"] = 0, ["length"] = 1, ["type"] = "bold" }).ToArray())));
        yield return ("duplicate keys", Encoding.UTF8.GetBytes(
            $"{{\"update_id\":{++n},\"update_id\":\"x\",\"message\":{{\"message_id\":1,\"chat\":{{\"id\":1,\"type\":\"private\"}},\"chat\":[],\"date\":1,\"text\":\"a\"}}}}"));
        yield return ("a message and a callback at once", Encoding.UTF8.GetBytes(
            Base("text", ++n).ToJsonString().TrimEnd('}') + ",\"callback_query\":" + Base("callback", n)["callback_query"]!.ToJsonString() + "}"));
    }

    private static byte[] Invalid(int n, byte[] bad)
    {
        var json = With("text", n, "message.text", "Xin chào");
        var marker = Encoding.UTF8.GetBytes("Xin ch");
        var at = json.AsSpan().IndexOf(marker);
        return [.. json[..at], .. bad, .. json[at..]];
    }

    private static string NestedReplies(int n, int depth)
    {
        var inner = "{\"message_id\":1,\"date\":1765000000,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"x\"}";
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++) sb.Append("{\"message_id\":1,\"date\":1765000000,\"chat\":{\"id\":6001,\"type\":\"private\"},\"reply_to_message\":");
        sb.Append(inner).Append('}', depth);
        return $"{{\"update_id\":{n},\"message\":{sb}}}";
    }

    [Fact]
    public async Task Every_hostile_case_gets_no_5xx_and_the_host_keeps_serving()
    {
        _telegram.Handle = (method, _) => method switch
        {
            "getFile" => FakeApi.Error(400, "Bad Request: invalid file_id"),
            "answerCallbackQuery" => FakeApi.Ok(true),
            _ => FakeApi.Ok(new { message_id = _telegram.NextMessageId(), date = 1_765_000_000, chat = new { id = Chat, type = "private" } }),
        };
        await using var app = new BotApp(_db) { UseEchoHandler = true };
        app.Settings["Telegram:Token"] = "424242:hostile-token";
        app.Settings["Telegram:Mode"] = "Webhook";
        app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        app.Settings["Telegram:WebhookSecret"] = Secret;
        app.Settings["Telegram:BotUsername"] = "FakeBot";
        app.Settings["Telegram:MessagesPerSecond"] = "500";
        app.ListenOnRealPort = true; // Kestrel's own body limits and UTF-8 handling, not the in-memory server's
        app.Start();
        await using (var seed = app.Db())
        {
            seed.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = "6999", DisplayName = "Đã có", CreatedAt = DateTimeOffset.UtcNow });
            await seed.SaveChangesAsync();
        }
        using var client = app.Client();
        client.Timeout = TimeSpan.FromMinutes(2);

        var cases = Corpus().ToList();
        var tally = await WebhookCorpus.PostAllAsync(client, "/telegram/webhook", TelegramWebhook.SecretHeader, Secret, cases, TelegramWebhook.MaxBodyBytes);
        output.WriteLine($"Telegram hostile corpus: {tally}");
        if (tally.ServerErrors.Count > 0) output.WriteLine(app.Logs.All);
        Assert.Empty(tally.ServerErrors);
        Assert.True(cases.Count >= 300, $"{cases.Count} cases");

        // Everything stored is handled (nothing wedges the chat's queue), and the host still serves a normal user.
        await app.WaitForAsync(db => db.Inbox.CountAsync(i => i.ProcessedAt == null), left => left == 0, 180_000);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var normal = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(Base("text", 999_999).ToJsonString().Replace("6001", "6002"), Encoding.UTF8, "application/json"),
        };
        normal.Headers.Add(TelegramWebhook.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(normal)).StatusCode);
        var reply = await app.WaitForAsync(_ => app.SentTextsAsync(Channel.Telegram, "6002"), t => t.Count == 1, 60_000);
        Assert.Equal("nhận: Xin chào", reply[0]);

        await using var db = app.Db();
        Assert.Equal("Đã có", (await db.ChatAccounts.SingleAsync(a => a.ChatId == "6999")).DisplayName);
        Assert.Equal(0, await db.Inbox.CountAsync(i => i.DeadLetteredAt != null));
        // No text that reached the database still carries a NUL or a lone surrogate (PostgreSQL would have refused NUL).
        var payloads = await db.Inbox.Select(i => i.Payload).ToListAsync();
        Assert.All(payloads, p => Assert.DoesNotContain("\\u0000", p));
        Assert.All(payloads, p => Assert.DoesNotContain("\\uD800", p, StringComparison.OrdinalIgnoreCase));
    }
}
