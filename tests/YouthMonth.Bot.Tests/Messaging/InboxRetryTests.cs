using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Messaging;

/// <summary>
/// Nothing a user sent is dropped: a passing failure is retried with backoff while the chat's later messages wait,
/// a permanent one is dead-lettered (and can be retried), a too-long name is cut, not refused.
/// </summary>
public sealed class InboxRetryTests : IAsyncLifetime
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

    private BotApp App(string retryDelays, Action<IServiceCollection>? services = null)
    {
        var app = new BotApp(_db) { UseEchoHandler = true, TestServices = services };
        app.Settings["Zalo:Token"] = "1234567890:zalo-token";
        app.Settings["Zalo:Mode"] = "Webhook";
        app.Settings["Zalo:ApiBaseUrl"] = _zalo.BaseUrl;
        app.Settings["Zalo:WebhookSecret"] = Secret;
        app.Settings["Messaging:InboxRetryDelaysSeconds"] = retryDelays;
        return app.Start();
    }

    private static string Event(string name, string chatId, string messageId, object fields, string displayName = "Minh Thư")
    {
        var message = new Dictionary<string, object>
        {
            ["from"] = new { id = chatId, display_name = displayName },
            ["chat"] = new { id = chatId, chat_type = "PRIVATE" },
            ["message_id"] = messageId,
            ["date"] = 1750316131602,
        };
        foreach (var p in fields.GetType().GetProperties()) message[p.Name] = p.GetValue(fields)!;
        return JsonSerializer.Serialize(new { event_name = name, message });
    }

    private static async Task PostAsync(HttpClient client, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(ZaloWebhook.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private List<string> SentTexts(string chatId) => _zalo.CallsTo("sendMessage")
        .Where(c => c.Body.GetProperty("chat_id").GetString() == chatId).Select(c => c.Body.GetProperty("text").GetString()!).ToList();

    private async Task<List<string>> WaitForTextsAsync(string chatId, int count, int timeoutMs = 30_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (SentTexts(chatId).Count < count && DateTime.UtcNow < until) await Task.Delay(50);
        return SentTexts(chatId);
    }

    [Fact]
    public async Task A_photo_whose_file_server_gives_502_for_3_seconds_is_retried_with_backoff_and_the_next_message_waits_behind_it()
    {
        _zalo.Files["a.jpg"] = TestImages.Jpeg(700, seed: 3);
        // The outage starts with the first download, not with the test: a slow host start must not outlast it.
        Stopwatch? down = null;
        var gate = new Lock();
        _zalo.FileFailure = _ =>
        {
            lock (gate) down ??= Stopwatch.StartNew();
            return down.Elapsed < TimeSpan.FromSeconds(3) ? 502 : null;
        };
        await using var app = App("1,1,2,4,8");
        var client = app.Client();

        await PostAsync(client, Event("message.image.received", "u-photo", "p1", new { photo_url = $"{_zalo.BaseUrl}/files/a.jpg" }));
        await PostAsync(client, Event("message.text.received", "u-photo", "p2", new { text = "sau ảnh" }));

        var texts = await WaitForTextsAsync("u-photo", 2);
        await using var db = app.Db();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal([$"ảnh: {photo.Id}", "nhận: sau ảnh"], texts);
        var row = await db.Inbox.SingleAsync(i => i.UpdateKey == "message.image.received:p1");
        Assert.NotNull(row.ProcessedAt);
        Assert.Null(row.DeadLetteredAt);
        Assert.True(row.Attempts >= 2, $"attempts {row.Attempts}");
        Assert.Contains("502", row.LastError);
        // Tries were spread over the outage, not spent in a fraction of a second.
        Assert.True(row.ProcessedAt - row.ReceivedAt >= TimeSpan.FromSeconds(1.9), $"handled after {(row.ProcessedAt - row.ReceivedAt)!.Value.TotalSeconds:F2}s");
    }

    /// <summary>While <see cref="Down"/> is set, a message captioned "tạm lỗi" fails with a passing error (a timeout).</summary>
    private sealed class Outage { public volatile bool Down = true; }

    private sealed class FlakyOnSomeText(HandledLog log, Outage outage) : IMessageHandler
    {
        public Task HandleAsync(Conversation conversation, CancellationToken ct)
        {
            if (outage.Down && conversation.Message.Text == "tạm lỗi") throw new TimeoutException("the database did not answer");
            return new EchoHandler(log).HandleAsync(conversation, ct);
        }
    }

    [Fact]
    public async Task A_transient_failure_that_outlasts_every_retry_is_dead_lettered_the_user_is_told_and_the_office_can_retry_it()
    {
        _zalo.Files["b.jpg"] = TestImages.Jpeg(600, seed: 5);
        var outage = new Outage();
        await using var app = App("1,1", s =>
        {
            s.AddSingleton(outage);
            s.Replace(ServiceDescriptor.Scoped<IMessageHandler, FlakyOnSomeText>());
        });
        var client = app.Client();

        await PostAsync(client, Event("message.image.received", "u-dead", "d1", new { photo_url = $"{_zalo.BaseUrl}/files/b.jpg", caption = "tạm lỗi" }));
        await PostAsync(client, Event("message.text.received", "u-dead", "d2", new { text = "tiếp" }));
        var texts = await WaitForTextsAsync("u-dead", 2);
        Assert.Equal([Core.Messaging.ChatProcessor.Texts.DeadLettered, "nhận: tiếp"], texts);

        await using (var db = app.Db())
        {
            var (items, total) = await DeadLetters.ListAsync(db, 0, 50);
            Assert.Equal(1, total);
            var dead = Assert.Single(items);
            Assert.Equal("u-dead", dead.ChatId);
            Assert.Equal("Minh Thư", dead.DisplayName);
            Assert.Equal(1, dead.PhotoCount);
            Assert.Equal(3, dead.Attempts);
            Assert.Contains("TimeoutException", dead.LastError);

            outage.Down = false;
            Assert.True(await DeadLetters.RetryAsync(db, dead.Id));
            Assert.False(await DeadLetters.RetryAsync(db, dead.Id));
        }
        texts = await WaitForTextsAsync("u-dead", 3);
        await using var check = app.Db();
        var photo = await check.Photos.SingleAsync();
        Assert.Equal($"ảnh: {photo.Id} — tạm lỗi", texts[2]);
        Assert.Equal(0, (await DeadLetters.ListAsync(check, 0, 50)).Total);
    }

    [Fact]
    public async Task A_photo_the_file_server_never_delivers_reaches_the_dialogs_marked_failed_after_the_retries_instead_of_being_dead_lettered()
    {
        _zalo.Files["ok.jpg"] = TestImages.Jpeg(500, seed: 7);
        _zalo.FileFailure = name => name switch { "down.jpg" => 503, "gone.jpg" => 404, _ => null };
        // The message's budget would wait a minute, twice; a photo is not retried past a long wait (ChatProcessor.LongWait).
        await using var app = App("1,1,60,60");
        var client = app.Client();

        // The text and the other photos of the chat go on: a file server that stays down costs the photo, not the message.
        await PostAsync(client, Event("message.image.received", "u-file", "f1", new { photo_url = $"{_zalo.BaseUrl}/files/down.jpg", caption = "Ra quân" }));
        await PostAsync(client, Event("message.image.received", "u-file", "f2", new { photo_url = $"{_zalo.BaseUrl}/files/gone.jpg" }));
        await PostAsync(client, Event("message.image.received", "u-file", "f3", new { photo_url = $"{_zalo.BaseUrl}/files/ok.jpg" }));
        var texts = await WaitForTextsAsync("u-file", 3);

        await using var db = app.Db();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal(["ảnh: từ chối DownloadFailed — Ra quân", "ảnh: từ chối Unavailable", $"ảnh: {photo.Id}"], texts);
        var handled = app.Services.GetRequiredService<HandledLog>().Messages;
        Assert.Equal("HTTP 503", handled.Single(m => m.MessageId == "f1").Photos[0].FailureDetail);
        Assert.Equal("HTTP 404", handled.Single(m => m.MessageId == "f2").Photos[0].FailureDetail);
        // Three tries (the short waits), not the five the message could have, then handled, not dead-lettered,
        // and no "your message is delayed" notice (that comes with a wait of 30 s or more); a 404 is not retried.
        var down = await db.Inbox.SingleAsync(i => i.UpdateKey == "message.image.received:f1");
        Assert.Equal((3, (DateTimeOffset?)null), (down.Attempts, down.DeadLetteredAt));
        Assert.NotNull(down.ProcessedAt);
        Assert.Contains("503", down.LastError);
        Assert.Equal(1, (await db.Inbox.SingleAsync(i => i.UpdateKey == "message.image.received:f2")).Attempts);
        Assert.Equal(0, (await DeadLetters.ListAsync(db, 0, 50)).Total);
        Assert.DoesNotContain(Core.Messaging.ChatProcessor.Texts.Delayed, texts);
    }

    /// <summary>Fails for good (a bug, bad data) on the text "hỏng"; echoes the rest.</summary>
    private sealed class BrokenOnSomeText(HandledLog log) : IMessageHandler
    {
        public Task HandleAsync(Conversation conversation, CancellationToken ct)
        {
            if (conversation.Message.Text == "hỏng") throw new InvalidOperationException("this message cannot be handled");
            return new EchoHandler(log).HandleAsync(conversation, ct);
        }
    }

    [Fact]
    public async Task A_permanent_error_is_dead_lettered_at_once_and_the_chat_moves_on()
    {
        await using var app = App("1,5,30", s => s.Replace(ServiceDescriptor.Scoped<IMessageHandler, BrokenOnSomeText>()));
        var client = app.Client();
        await PostAsync(client, Event("message.text.received", "u-bug", "b1", new { text = "hỏng" }));
        await PostAsync(client, Event("message.text.received", "u-bug", "b2", new { text = "tiếp" }));

        Assert.Equal([Core.Messaging.ChatProcessor.Texts.DeadLettered, "nhận: tiếp"], await WaitForTextsAsync("u-bug", 2));
        await using var db = app.Db();
        var row = await db.Inbox.SingleAsync(i => i.UpdateKey == "message.text.received:b1");
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Contains("InvalidOperationException", row.LastError);
    }

    [Fact]
    public async Task A_1000_character_display_name_is_cut_to_the_column_not_dropped()
    {
        await using var app = App("1,5,30");
        var client = app.Client();
        var name = string.Concat(Enumerable.Repeat("Nguyễn Thị Minh Thư ", 50));
        await PostAsync(client, Event("message.text.received", "u-long", "l1", new { text = "Xin chào" }, displayName: name));

        Assert.Equal(["nhận: Xin chào"], await WaitForTextsAsync("u-long", 1));
        await using var db = app.Db();
        var chat = await db.ChatAccounts.SingleAsync(a => a.ChatId == "u-long");
        Assert.Equal(name[..200], chat.DisplayName);
        Assert.Null((await db.Inbox.SingleAsync()).DeadLetteredAt);
    }
}
