using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// The Bot against an HTTP fake of the Zalo Bot API speaking the documented payloads: one event per getUpdates,
/// error 408 on idle polls, wrapped and unwrapped webhook bodies, photo_url / photo image fields.
/// </summary>
public sealed class ZaloTests : IAsyncLifetime
{
    private const string Secret = "zalo-secret-123";
    private TestDatabase _db = null!;
    private FakeApi _zalo = null!;
    private readonly ConcurrentQueue<object> _events = new();
    private int _idlePolls;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _zalo = await FakeApi.StartAsync();
        _zalo.Handle = (method, _) =>
        {
            switch (method)
            {
                case "getUpdates":
                    if (_events.TryDequeue(out var ev)) return FakeApi.Ok(ev);
                    Thread.Sleep(100); // a (short) long poll
                    Interlocked.Increment(ref _idlePolls);
                    return (200, new { ok = false, error_code = 408, description = "Request timeout" });
                case "sendMessage" or "sendPhoto":
                    return FakeApi.Ok(new { message_id = $"zm{_zalo.NextMessageId()}", date = 1750316131602 });
                default:
                    return FakeApi.Ok(new { url = "", updated_at = 1749538250568 });
            }
        };
    }

    public async Task DisposeAsync()
    {
        await _zalo.DisposeAsync();
        await _db.DisposeAsync();
    }

    private BotApp App(string mode)
    {
        var app = new BotApp(_db) { UseEchoHandler = true };
        app.Settings["Zalo:Token"] = "1234567890:zalo-token";
        app.Settings["Zalo:Mode"] = mode;
        app.Settings["Zalo:ApiBaseUrl"] = _zalo.BaseUrl;
        app.Settings["Zalo:WebhookSecret"] = Secret;
        app.Settings["Photos:PublicBaseUrl"] = "https://bot.example.vn";
        return app.Start();
    }

    private static object Event(string name, string chatId, string messageId, object fields)
    {
        var message = new Dictionary<string, object>
        {
            ["from"] = new { id = chatId, display_name = "Minh Thư", is_bot = false },
            ["chat"] = new { id = chatId, chat_type = "PRIVATE" },
            ["message_id"] = messageId,
            ["date"] = 1750316131602,
        };
        foreach (var p in fields.GetType().GetProperties()) message[p.Name] = p.GetValue(fields)!;
        return new { event_name = name, message };
    }

    private List<string> SentTexts(string chatId) => _zalo.CallsTo("sendMessage")
        .Where(c => c.Body.GetProperty("chat_id").GetString() == chatId).Select(c => c.Body.GetProperty("text").GetString()!).ToList();

    private async Task<List<string>> WaitForTextsAsync(string chatId, int count)
    {
        for (var i = 0; i < 200 && SentTexts(chatId).Count < count; i++) await Task.Delay(50);
        return SentTexts(chatId);
    }

    [Fact]
    public async Task Polling_handles_idle_408_text_numbered_choices_and_photo_url()
    {
        _zalo.Files["a.jpg"] = TestImages.Jpeg(700, seed: 9);
        await using var app = App("Polling");
        for (var i = 0; i < 200 && _idlePolls < 2; i++) await Task.Delay(50);
        Assert.True(_idlePolls >= 2, "the poller keeps polling after 408");

        _events.Enqueue(Event("message.text.received", "u-thu", "m1", new { text = "Xin chào" }));
        Assert.Equal(["nhận: Xin chào"], await WaitForTextsAsync("u-thu", 1));

        _events.Enqueue(Event("message.text.received", "u-thu", "m2", new { text = "chọn" }));
        Assert.Equal("Chọn một:\n\nTrả lời bằng số:\n1. Có\n2. Không", (await WaitForTextsAsync("u-thu", 2))[1]);

        _events.Enqueue(Event("message.text.received", "u-thu", "m3", new { text = "2" }));
        _events.Enqueue(Event("message.text.received", "u-thu", "m4", new { text = "co" }));
        var texts = await WaitForTextsAsync("u-thu", 4);
        Assert.Equal("bấm: c:no (2)", texts[2]);
        Assert.Equal("bấm: c:yes (co)", texts[3]);

        _events.Enqueue(Event("message.image.received", "u-thu", "m5",
            new { photo_url = $"{_zalo.BaseUrl}/files/a.jpg", message_type = "CHAT_PHOTO", caption = "Hiến máu" }));
        texts = await WaitForTextsAsync("u-thu", 5);
        await using var db = app.Db();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal($"ảnh: {photo.Id} — Hiến máu", texts[4]);
        Assert.Equal($"{_zalo.BaseUrl}/files/a.jpg", photo.SourceUrl);

        // Zalo cannot take uploads: a stored photo goes out by its public URL.
        _events.Enqueue(Event("message.text.received", "u-thu", "m6", new { text = $"ảnh:{photo.Id}" }));
        for (var i = 0; i < 200 && !_zalo.CallsTo("sendPhoto").Any(); i++) await Task.Delay(50);
        var sendPhoto = Assert.Single(_zalo.CallsTo("sendPhoto")).Body;
        Assert.Equal($"https://bot.example.vn/photos/{photo.Sha256}", sendPhoto.GetProperty("photo").GetString());
        Assert.Equal("Ảnh của bạn", sendPhoto.GetProperty("caption").GetString());

        var handled = app.Services.GetRequiredService<HandledLog>().Messages;
        Assert.Equal("Minh Thư", handled[0].UserName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750316131602), handled[0].SentAt);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add(ZaloWebhook.SecretHeader, secret);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Webhook_accepts_wrapped_and_unwrapped_bodies_once_and_checks_the_secret()
    {
        _zalo.Files["b.png"] = TestImages.Png(500, seed: 4);
        await using var app = App("Webhook");
        var client = app.Client();
        var wrapped = JsonSerializer.Serialize(new { ok = true, result = Event("message.text.received", "u-an", "w1", new { text = "Báo cáo" }) });
        var unwrapped = JsonSerializer.Serialize(Event("message.text.received", "u-an", "w2", new { text = "Tuần 3" }));
        var photo = JsonSerializer.Serialize(Event("message.image.received", "u-an", "w3", new { photo = $"{_zalo.BaseUrl}/files/b.png" }));
        var unsupported = JsonSerializer.Serialize(Event("message.unsupported.received", "u-an", "w4", new { }));
        var unknown = JsonSerializer.Serialize(Event("user.joined.future", "u-an", "w5", new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, wrapped, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, wrapped, secret: "zalo-secret-124")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, """{"ok":true,"result":{"message":{}}}""")).StatusCode);
        foreach (var body in new[] { wrapped, wrapped, unwrapped, photo, unsupported, unknown })
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, body)).StatusCode);

        var texts = await WaitForTextsAsync("u-an", 4);
        await using var db = app.Db();
        var stored = await db.Photos.SingleAsync();
        Assert.Equal(["nhận: Báo cáo", "nhận: Tuần 3", $"ảnh: {stored.Id}", "nhận: "], texts);
        Assert.Equal(["message.text.received:w1", "message.text.received:w2", "message.image.received:w3", "message.unsupported.received:w4"],
            await db.Inbox.OrderBy(i => i.Id).Select(i => i.UpdateKey).ToListAsync());
        Assert.True(app.Services.GetRequiredService<HandledLog>().Messages[3].Unsupported);
    }

    [Fact]
    public async Task Quota_exceeded_429_backs_off_exponentially_then_sends_once()
    {
        var sends = 0;
        _zalo.Handle = (method, _) => method switch
        {
            "sendMessage" when Interlocked.Increment(ref sends) <= 2 => (200, new { ok = false, error_code = 429, description = "Quota exceeded" }),
            "sendMessage" => FakeApi.Ok(new { message_id = "ok1", date = 1 }),
            _ => FakeApi.Ok(new { url = "" }),
        };
        await using var app = App("Webhook");
        await using (var db = app.Db())
        {
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Zalo, ChatId = "u-quota", CreatedAt = DateTimeOffset.UtcNow });
            Outbox.Add(db, Channel.Zalo, "u-quota", new OutgoingMessage { Text = "Nhắc hạn" }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await app.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == 1, 20_000);
        var calls = _zalo.CallsTo("sendMessage").Select(c => c.At).ToList();
        Assert.Equal(3, calls.Count);
        var first = calls[1] - calls[0];
        var second = calls[2] - calls[1];
        Assert.True(first >= TimeSpan.FromSeconds(1.9), $"first backoff {first.TotalSeconds:F2}s");
        Assert.True(second >= TimeSpan.FromSeconds(3.9), $"second backoff {second.TotalSeconds:F2}s");
    }
}
