using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>POST /telegram/webhook: secret check, durable storage, redelivery, malformed and unknown bodies, photos.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Token = "777001:SECRET-token-never-logged";
    private const string Secret = "s3cr3t_TOKEN-abc";
    private TestDatabase _db = null!;
    private FakeApi _telegram = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _telegram = await FakeApi.StartAsync();
        _app = new BotApp(_db) { UseEchoHandler = true };
        _app.Settings["Telegram:Token"] = Token;
        _app.Settings["Telegram:Mode"] = "Webhook";
        _app.Settings["Telegram:WebhookSecret"] = Secret;
        _app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        _app.Settings["Photos:MaxBytes"] = "4096";
        _app.Start();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret)
    {
        var client = _app.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        return await client.SendAsync(request);
    }

    private static string TextUpdate(long updateId, long chatId, string text) => $$$"""
        {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":1700000000,
         "from":{"id":{{{chatId}}},"is_bot":false,"first_name":"Lan","last_name":"Trần"},
         "chat":{"id":{{{chatId}}},"type":"private","first_name":"Lan"},"text":"{{{text}}}"}}
        """;

    [Fact]
    public async Task Missing_or_forged_secret_is_rejected_and_nothing_is_stored()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(TextUpdate(1, 5001, "a"), secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(TextUpdate(2, 5001, "a"), secret: "s3cr3t_TOKEN-abd")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(TextUpdate(3, 5001, "a"), secret: "")).StatusCode);
        await using var db = _app.Db();
        Assert.Equal(0, await db.Inbox.CountAsync());
    }

    [Fact]
    public async Task A_redelivered_update_is_stored_and_handled_once()
    {
        var body = TextUpdate(100, 5002, "Báo cáo tuần 2");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        // Stored before the 200: the row is there at once.
        await using (var db = _app.Db())
            Assert.Equal("100", (await db.Inbox.SingleAsync(i => i.ChatId == "5002")).UpdateKey);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);

        await _app.WaitForAsync(db => db.Outbox.CountAsync(o => o.ChatId == "5002" && o.State == OutboxState.Sent), n => n == 1);
        await Task.Delay(300);
        Assert.Equal(["nhận: Báo cáo tuần 2"], await _app.SentTextsAsync(Channel.Telegram, "5002"));
        Assert.Single(_telegram.CallsTo("sendMessage"), c => c.Body.GetProperty("chat_id").ToString() == "5002");
        Assert.Single(_app.Services.GetRequiredService<HandledLog>().Messages, m => m.ChatId == "5002");
        Assert.DoesNotContain(Token, _app.Logs.All);
    }

    [Fact]
    public async Task An_update_the_inbox_could_not_store_gets_503_and_its_redelivery_is_stored_and_handled_once()
    {
        // The database refuses this update's insert (and with it the whole group-committed batch it was in).
        await _db.ExecAsync("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.chat_id = '5004' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION refuse();
            """);
        var body = TextUpdate(300, 5004, "Gửi lại giúp mình");
        var refused = await PostAsync(body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("Inbox unavailable", await refused.Content.ReadAsStringAsync());
        await using (var db = _app.Db())
            Assert.Equal(0, await db.Inbox.CountAsync(i => i.ChatId == "5004"));

        // Telegram redelivers after the 5xx: stored now, and a further redelivery is recognised.
        await _db.ExecAsync("DROP TRIGGER refuse ON inbox");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        await _app.WaitForAsync(_ => _app.SentTextsAsync(Channel.Telegram, "5004"), t => t.Count == 1);
        await Task.Delay(300);
        Assert.Equal(["nhận: Gửi lại giúp mình"], await _app.SentTextsAsync(Channel.Telegram, "5004"));
    }

    [Fact]
    public async Task Malformed_bodies_get_400_and_unknown_kinds_200_without_storing()
    {
        var notJson = await PostAsync("{not json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("""{"message":{"text":"no update id"}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("""{"update_id":9,"message":{"text":"no chat"}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("""{"update_id":10,"poll":{"id":"1","question":"?"}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("""{"update_id":11,"edited_message":{"message_id":1,"chat":{"id":1,"type":"private"},"text":"x"}}""")).StatusCode);
        await using var db = _app.Db();
        Assert.Equal(0, await db.Inbox.CountAsync(i => i.ChatId == "1"));
        Assert.Contains(_app.Logs.Lines, l => l.Contains("Malformed Telegram webhook body"));
    }

    [Fact]
    public async Task Photos_are_downloaded_stored_once_and_bad_files_rejected()
    {
        var jpeg = TestImages.Jpeg(1000);
        _telegram.Files["big.jpg"] = jpeg;
        _telegram.Files["again.jpg"] = jpeg;
        _telegram.Files["fake.jpg"] = TestImages.NotAnImage();
        _telegram.Handle = (method, body) => method switch
        {
            "getFile" => FakeApi.Ok(new { file_id = body.GetProperty("file_id").GetString(), file_size = 1000,
                file_path = "photos/" + body.GetProperty("file_id").GetString() switch { "F-big" => "big.jpg", "F-again" => "again.jpg", _ => "fake.jpg" } }),
            _ => FakeApi.Ok(new { message_id = _telegram.NextMessageId() }),
        };

        string Photo(long updateId, string fileId, int size) => $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":1700000000,"from":{"id":5003,"first_name":"Lan"},
             "chat":{"id":5003,"type":"private"},"caption":"Ra quân","media_group_id":"g1",
             "photo":[{"file_id":"F-small","file_unique_id":"u0","width":90,"height":60,"file_size":100},
                      {"file_id":"{{{fileId}}}","file_unique_id":"u1","width":1280,"height":960,"file_size":{{{size}}}}]}}
            """;
        await PostAsync(Photo(200, "F-big", 1000));
        await PostAsync(Photo(201, "F-again", 1000));
        await PostAsync(Photo(202, "F-fake", 1000));
        await PostAsync(Photo(203, "F-huge", 9_000_000));

        var texts = await _app.WaitForAsync(_ => _app.SentTextsAsync(Channel.Telegram, "5003"), t => t.Count == 4);
        await using var db = _app.Db();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal($"ảnh: {photo.Id} — Ra quân", texts[0]);
        Assert.Equal($"ảnh: {photo.Id} — Ra quân", texts[1]);
        Assert.Equal("ảnh: từ chối NotAnImage — Ra quân", texts[2]);
        Assert.Equal("ảnh: từ chối TooLarge ≤4096 — Ra quân", texts[3]); // the configured limit travels with the refusal
        Assert.Equal("F-big", photo.TelegramFileId);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(Path.Combine(_app.PhotoRoot, photo.StoragePath)));
        // The largest size was fetched, never the thumbnail; the huge one was refused without downloading.
        Assert.DoesNotContain(_telegram.CallsTo("getFile"), c => c.Body.GetProperty("file_id").GetString() is "F-small" or "F-huge");
        Assert.Equal("g1", _app.Services.GetRequiredService<HandledLog>().Messages[0].MediaGroupId);
    }
}
