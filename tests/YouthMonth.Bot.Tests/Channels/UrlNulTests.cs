using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// The hostile-input corpus (issue 10) for a NUL in the URL (%00): in the path and in the query of every Bot route, the
/// webhooks included, sent byte for byte to Kestrel (HttpClient and the test server refuse to build some of these).
/// None may get a 5xx, and a NUL chat id in the local chat's body is refused as bad input, not as an outage.
/// </summary>
public sealed class UrlNulTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const string TelegramSecret = "tg_nul-secret";
    private const string ZaloSecret = "zalo_nul-secret";

    [Fact]
    public async Task A_NUL_in_any_Bot_URL_gets_no_5xx_and_the_host_keeps_serving()
    {
        await using var app = new BotApp(fixture.Database) { UseEchoHandler = true };
        app.Settings["Telegram:Token"] = "424242:nul-token";
        app.Settings["Telegram:Mode"] = "Webhook";
        app.Settings["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9"; // never reached: nothing here is a valid update to answer
        app.Settings["Telegram:WebhookSecret"] = TelegramSecret;
        app.Settings["Telegram:BotUsername"] = "FakeBot";
        app.Settings["Zalo:Token"] = "1234567890:zalo-token";
        app.Settings["Zalo:Mode"] = "Webhook";
        app.Settings["Zalo:ApiBaseUrl"] = "http://127.0.0.1:9";
        app.Settings["Zalo:WebhookSecret"] = ZaloSecret;
        app.ListenOnRealPort = true;
        app.Start();

        const string telegramUpdate = """{"update_id":77,"edited_message":{"message_id":1,"chat":{"id":1,"type":"private"},"text":"x"}}""";
        const string zaloEvent = """{"event_name":"user_seen_message"}""";
        var cases = new List<(string Method, string Target, string? Secret, string? Body)>();
        foreach (var target in new[] { "/telegram/webhook%00", "/telegram/webhook/%00", "/telegram/%00webhook", "/telegram/webhook?x=%00", "/telegram/webhook?%00" })
            cases.Add(("POST", target, $"{TelegramWebhook.SecretHeader}: {TelegramSecret}", telegramUpdate));
        foreach (var target in new[] { "/zalo/webhook%00", "/zalo/webhook/%00", "/zalo/%00", "/zalo/webhook?x=%00", "/zalo/webhook?%00=1" })
            cases.Add(("POST", target, $"{ZaloWebhook.SecretHeader}: {ZaloSecret}", zaloEvent));
        foreach (var target in new[]
                 {
                     "/%00", "/?%00", "/chat%00", "/chat?x=%00", "/health/ready%00", "/health/live?%00", "/photos/%00", "/photos/a%00b",
                     "/photos/%00.jpg", "/photos/0000%00?x=%00", "/local/chats%00", "/local/chats?x=%00", "/local/messages?chatId=%00",
                     "/local/messages?chatId=a%00b&after=%00", "/local/messages?chatId=a&after=1%00", "/local/%00",
                 })
            cases.Add(("GET", target, null, null));
        foreach (var target in new[] { "/local/messages%00", "/local/messages?chatId=%00", "/local/photos?x=%00" })
            cases.Add(("POST", target, null, """{"chatId":"nul-1","text":"xin chào"}"""));

        var serverErrors = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        foreach (var (method, target, header, body) in cases)
        {
            var status = await RawStatusAsync(app.Port, method, target, header, body);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status is >= 500 or 0) serverErrors.Add($"{status} {method} {target}");
        }
        output.WriteLine($"{cases.Count} URLs with %00: " + string.Join(", ", byStatus.Select(kv => $"{kv.Value} × {kv.Key}")));
        if (serverErrors.Count > 0) output.WriteLine(app.Logs.All);
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));

        // In the local chat's body a NUL chat id is bad input (400 naming the field), not a database outage (503).
        using var client = app.Client();
        var nulChat = await client.PostAsJsonAsync("/local/messages", new { chatId = "a\u0000b", text = "xin chào" });
        Assert.Equal(HttpStatusCode.BadRequest, nulChat.StatusCode);
        Assert.Contains("chatId", await nulChat.Content.ReadAsStringAsync());

        // Still serving, and a normal message still goes in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/local/messages", new { chatId = "nul-ok", text = "xin chào" })).StatusCode);
        await using var db = app.Db();
        Assert.True(await db.Inbox.AnyAsync(i => i.ChatId == "nul-ok"));
    }

    /// <summary>Sends the request line exactly as given and returns the status code (0 when the connection closed first).</summary>
    private static async Task<int> RawStatusAsync(int port, string method, string target, string? header, string? body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
        if (header is not null) head.Append(header).Append("\r\n");
        if (body is not null) head.Append("Content-Type: application/json\r\n");
        head.Append($"Content-Length: {bytes.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return statusLine?.Split(' ') is [_, var code, ..] && int.TryParse(code, out var status) ? status : 0;
    }
}
