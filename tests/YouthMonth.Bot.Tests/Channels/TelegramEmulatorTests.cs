using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Testing;
using Xunit.Abstractions;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>The real Bot host against telegram-test-api, in polling and in webhook mode.</summary>
[Collection(TelegramEmulatorCollection.Name)]
public sealed class TelegramEmulatorTests(TelegramEmulator emulator, ITestOutputHelper output) : IAsyncLifetime
{
    private BotApp? _app;
    private TestDatabase _db = null!;
    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync()
    {
        if (_app is not null) output.WriteLine(_app.Logs.All);
        await _db.DisposeAsync();
    }

    private BotApp App(string token, string mode)
    {
        var app = new BotApp(_db) { UseEchoHandler = true, ListenOnRealPort = mode == "Webhook" };
        app.Settings["Telegram:Token"] = token;
        app.Settings["Telegram:ApiBaseUrl"] = emulator.BaseUrl;
        app.Settings["Telegram:Mode"] = mode;
        if (mode == "Webhook")
        {
            app.Settings["Telegram:WebhookUrl"] = $"{app.BaseAddress}telegram/webhook";
            // The emulator sends no secret header (docs/channels.md); real deployments require it.
            app.Settings["Telegram:RequireWebhookSecret"] = "false";
        }
        _app = app;
        return app.Start();
    }

    private static string Text(JsonElement record) => record.GetProperty("message").GetProperty("text").GetString()!;

    [Theory]
    [InlineData("Polling")]
    [InlineData("Webhook")]
    public async Task Text_buttons_and_button_press_make_the_round_trip(string mode)
    {
        var token = TelegramEmulator.NewToken();
        await using var app = App(token, mode);
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(10));

        await emulator.SendTextAsync(token, 4201, "Xin chào <b> & bạn");
        var reply = (await emulator.WaitForBotMessagesAsync(token, 4201)).Single();
        Assert.Equal("nhận: Xin chào &lt;b&gt; &amp; bạn", Text(reply));
        // Telegram.Bot writes "Html"; the Bot API reads parse_mode without regard to case.
        Assert.Equal("html", reply.GetProperty("message").GetProperty("parse_mode").GetString()!.ToLowerInvariant());

        await emulator.SendTextAsync(token, 4201, "chọn");
        var offer = (await emulator.WaitForBotMessagesAsync(token, 4201)).Single();
        Assert.Equal("Chọn một:", Text(offer));
        var buttons = offer.GetProperty("message").GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        Assert.Equal(["Có", "Không"], buttons.EnumerateArray().Select(b => b.GetProperty("text").GetString()!));
        Assert.Equal("c:no", buttons[1].GetProperty("callback_data").GetString());

        await emulator.PressAsync(token, 4201, offer.GetProperty("messageId").GetInt64(), "c:no");
        var pressed = (await emulator.WaitForBotMessagesAsync(token, 4201)).Single();
        Assert.Equal("bấm: c:no", Text(pressed));

        await using var db = app.Db();
        Assert.Equal(3, db.Inbox.Count(i => i.ProcessedAt != null));
        Assert.Equal(3, db.Outbox.Count(o => o.State == Core.Messaging.OutboxState.Sent && o.ExternalMessageId != null));
    }

    [Fact]
    public async Task Group_commands_for_another_bot_are_ignored()
    {
        var token = TelegramEmulator.NewToken();
        await using var app = App(token, "Polling");
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(10));

        await emulator.SendCommandAsync(token, -100777, "/baocao@OtherBot", chatType: "group", userId: 42);
        await emulator.SendCommandAsync(token, -100777, "/baocao@TestNameBot tuần 2", chatType: "group", userId: 42);
        var reply = (await emulator.WaitForBotMessagesAsync(token, -100777)).Single();
        Assert.Equal("lệnh: baocao tuần 2", Text(reply));

        await Task.Delay(300);
        Assert.Empty(await emulator.ReadBotMessagesAsync(token, -100777));
        var handled = Assert.Single(app.Services.GetRequiredService<HandledLog>().Messages);
        Assert.Equal(Core.Messaging.ChatType.Group, handled.ChatType);
        Assert.Equal("42", handled.UserId);
    }

    [Fact]
    public async Task A_photo_the_emulator_cannot_serve_reaches_the_dialogs_as_unavailable()
    {
        var token = TelegramEmulator.NewToken();
        await using var app = App(token, "Polling");
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(10));
        await emulator.SendPhotoAsync(token, 4301, "AgAD-big", "Ra quân");
        var reply = (await emulator.WaitForBotMessagesAsync(token, 4301)).Single();
        // The emulator does not know this file_id (400 from its getFile): not stuck or retried, the dialogs get a clear reason.
        Assert.Equal("ảnh: từ chối Unavailable — Ra quân", Text(reply));
    }

    [Fact]
    public async Task A_user_photo_is_downloaded_then_sent_back_by_file_id_and_an_upload_keeps_its_file_id()
    {
        var token = TelegramEmulator.NewToken();
        await using var app = App(token, "Polling");
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(30));
        var userFileId = "AgAD-" + Guid.NewGuid().ToString("N")[..12];
        var jpeg = TestImages.Jpeg(1000);
        await emulator.AddFileAsync(userFileId, jpeg);

        // getFile + download through the emulator; the photo is stored with the user's file_id.
        await emulator.SendPhotoAsync(token, 4401, userFileId, "Ra quân");
        var stored = Text((await emulator.WaitForBotMessagesAsync(token, 4401, timeoutMs: 30_000)).Single());
        Assert.Matches(@"^ảnh: \d+ — Ra quân$", stored);
        var photoId = int.Parse(stored.Split(' ')[1]);
        await using (var db = app.Db())
        {
            var photo = await db.Photos.SingleAsync(p => p.Id == photoId);
            Assert.Equal(userFileId, photo.TelegramFileId);
            Assert.Equal(jpeg, await File.ReadAllBytesAsync(Path.Combine(app.PhotoRoot, photo.StoragePath)));
        }

        // Sent back by that file_id, without an upload (what /tonghop does with reports' photos).
        await emulator.SendTextAsync(token, 4401, $"ảnh:{photoId}");
        var resent = (await emulator.WaitForBotMessagesAsync(token, 4401, timeoutMs: 30_000)).Single().GetProperty("message");
        Assert.Equal(userFileId, resent.GetProperty("photo").GetString());
        Assert.False(resent.GetProperty("uploaded").GetBoolean());
        Assert.Equal("Ảnh của bạn", resent.GetProperty("caption").GetString());

        // A photo Telegram has never seen is uploaded once (multipart); the file_id it gets is kept and used next time.
        int localId;
        await using (var scope = app.Services.CreateAsyncScope())
            localId = (await scope.ServiceProvider.GetRequiredService<Bot.Messaging.PhotoLibrary>().SaveAsync(TestImages.Png(800), null, null, 10, 10, default)).Photo!.Id;
        await emulator.SendTextAsync(token, 4401, $"ảnh:{localId}");
        var upload = (await emulator.WaitForBotMessagesAsync(token, 4401, timeoutMs: 30_000)).Single().GetProperty("message");
        Assert.True(upload.GetProperty("uploaded").GetBoolean());
        var assigned = upload.GetProperty("photo").GetString()!;
        Assert.StartsWith("emu-photo-", assigned);
        await app.WaitForAsync(db => db.Photos.Where(p => p.Id == localId).Select(p => p.TelegramFileId).SingleAsync(), id => id == assigned);
        await emulator.SendTextAsync(token, 4401, $"ảnh:{localId}");
        var again = (await emulator.WaitForBotMessagesAsync(token, 4401, timeoutMs: 30_000)).Single().GetProperty("message");
        Assert.Equal(assigned, again.GetProperty("photo").GetString());
        Assert.False(again.GetProperty("uploaded").GetBoolean());
    }
}
