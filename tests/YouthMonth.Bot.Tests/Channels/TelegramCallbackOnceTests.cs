using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// Issue 10, point 7: a button press is answered (answerCallbackQuery) once per callback id, however often Telegram
/// redelivers the update and whichever of two Bot instances on one database receives it.
/// </summary>
public sealed class TelegramCallbackOnceTests : IAsyncLifetime
{
    private const string Secret = "callback_once-secret";
    private TestDatabase _db = null!;
    private FakeApi _telegram = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _telegram = await FakeApi.StartAsync();
        _telegram.Handle = (method, _) => method == "answerCallbackQuery"
            ? FakeApi.Ok(true)
            : FakeApi.Ok(new { message_id = _telegram.NextMessageId(), date = 1_765_000_000, chat = new { id = 1, type = "private" } });
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _db.DisposeAsync();
    }

    private BotApp Host()
    {
        var app = new BotApp(_db) { UseEchoHandler = true };
        app.Settings["Telegram:Token"] = "5151:callback-once";
        app.Settings["Telegram:Mode"] = "Webhook";
        app.Settings["Telegram:WebhookSecret"] = Secret;
        app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        return app.Start();
    }

    private static string Press(int updateId, string queryId, long chatId) => $$$"""
        {"update_id":{{{updateId}}},"callback_query":{"id":"{{{queryId}}}","chat_instance":"ci","data":"c:yes",
         "from":{"id":{{{chatId}}},"is_bot":false,"first_name":"Lan"},
         "message":{"message_id":7,"date":1765000000,"chat":{"id":{{{chatId}}},"type":"private"},"text":"Chọn một:"} } }
        """;

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_press_redelivered_50_times_to_two_hosts_is_handled_once_and_answered_once()
    {
        await using var first = Host();
        await using var second = Host();
        using var a = first.Client();
        using var b = second.Client();

        // Two different presses (two callback ids), each delivered 25 times to each host, all at once.
        var bodies = new[] { Press(8001, "cbq-8001", 7101), Press(8002, "cbq-8002", 7102) };
        var deliveries = Enumerable.Range(0, 50).SelectMany(i => bodies.Select(body => PostAsync(i % 2 == 0 ? a : b, body)));
        var statuses = await Task.WhenAll(deliveries);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        foreach (var chat in new[] { "7101", "7102" })
            Assert.Equal(["bấm: c:yes"], await first.WaitForAsync(_ => first.SentTextsAsync(Channel.Telegram, chat), t => t.Count == 1));
        await first.WaitForAsync(_ => Task.FromResult(_telegram.CallsTo("answerCallbackQuery").Count()), n => n == 2);
        // Give a late duplicate answer time to show up.
        await Task.Delay(1500);

        var answered = _telegram.CallsTo("answerCallbackQuery").Select(c => c.Body.GetProperty("callback_query_id").GetString()).Order().ToList();
        Assert.Equal(["cbq-8001", "cbq-8002"], answered);
        await using var db = first.Db();
        Assert.Equal(2, await db.Inbox.CountAsync());
        Assert.Equal(2, await db.Outbox.CountAsync());
    }
}
