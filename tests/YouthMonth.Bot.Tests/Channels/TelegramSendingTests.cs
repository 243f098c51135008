using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>The outbox sender against a hand-written fake of the Telegram Bot API (errors the emulator never gives).</summary>
public sealed class TelegramSendingTests : IAsyncLifetime
{
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

    private BotApp App(Action<IServiceCollection>? services = null)
    {
        var app = new BotApp(_db) { UseEchoHandler = true, TestServices = services };
        app.Settings["Telegram:Token"] = "555:SEND";
        // Webhook mode without a URL: no poller, only the sender talks to the fake.
        app.Settings["Telegram:Mode"] = "Webhook";
        app.Settings["Telegram:WebhookSecret"] = "unused";
        app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        return app.Start();
    }

    private async Task<long> EnqueueAsync(string chatId, OutgoingMessage message, ChatType type = ChatType.Private)
    {
        await using var db = _db.CreateDbContext();
        if (!await db.ChatAccounts.AnyAsync(a => a.Channel == Channel.Telegram && a.ChatId == chatId))
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = chatId, ChatType = type, CreatedAt = DateTimeOffset.UtcNow });
        var row = Outbox.Add(db, Channel.Telegram, chatId, message, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static Task<OutboxMessage> RowAsync(BotApp app, long id, OutboxState state) =>
        app.WaitForAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id), r => r.State == state);

    [Fact]
    public async Task Rate_limit_429_waits_retry_after_then_sends_once()
    {
        var calls = 0;
        _telegram.Handle = (method, _) => method == "sendMessage" && Interlocked.Increment(ref calls) == 1
            ? FakeApi.Error(429, "Too Many Requests: retry after 2", new { retry_after = 2 })
            : FakeApi.Ok(new { message_id = 77 });
        await using var app = App();
        var id = await EnqueueAsync("9001", new OutgoingMessage { Text = "Nhắc nộp báo cáo" });

        var row = await RowAsync(app, id, OutboxState.Sent);
        var sends = _telegram.CallsTo("sendMessage").ToList();
        Assert.Equal(2, sends.Count);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(sends[1].At - sends[0].At).TotalSeconds:F2}s");
        Assert.Equal("77", row.ExternalMessageId);
    }

    [Fact]
    public async Task Forbidden_403_marks_the_chat_unreachable_without_retrying()
    {
        _telegram.Handle = (method, _) => method == "sendMessage"
            ? FakeApi.Error(403, "Forbidden: bot was blocked by the user")
            : FakeApi.Ok(true);
        await using var app = App();
        var id = await EnqueueAsync("9002", new OutgoingMessage { Text = "Xin chào" });

        var row = await RowAsync(app, id, OutboxState.Failed);
        Assert.Contains("blocked", row.LastError);
        await using var db = app.Db();
        var chat = await db.ChatAccounts.SingleAsync(a => a.ChatId == "9002");
        Assert.NotNull(chat.UnreachableSince);
        Assert.Equal("Forbidden: bot was blocked by the user", chat.UnreachableReason);
        Assert.Single(_telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Group_upgraded_to_supergroup_moves_the_chat_id_and_resends()
    {
        _telegram.Handle = (method, body) => method == "sendMessage" && body.GetProperty("chat_id").ToString() == "-100777"
            ? FakeApi.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new { migrate_to_chat_id = -1001234567890 })
            : FakeApi.Ok(new { message_id = 5 });
        await using var app = App();
        var id = await EnqueueAsync("-100777", new OutgoingMessage { Text = "Tổng hợp tuần" }, ChatType.Group);

        var row = await RowAsync(app, id, OutboxState.Sent);
        Assert.Equal("-1001234567890", row.ChatId);
        await using var db = app.Db();
        Assert.True(await db.ChatAccounts.AnyAsync(a => a.ChatId == "-1001234567890"));
        Assert.False(await db.ChatAccounts.AnyAsync(a => a.ChatId == "-100777"));
        Assert.Equal(["-100777", "-1001234567890"], _telegram.CallsTo("sendMessage").Select(c => c.Body.GetProperty("chat_id").ToString()));
    }

    [Fact]
    public async Task Long_text_is_split_on_line_boundaries_with_buttons_on_the_last_part()
    {
        await using var app = App();
        var lines = Enumerable.Range(1, 100).Select(i => $"Chi đoàn {i:D3}: đã nộp <đủ> & đúng hạn " + new string('.', 60)).ToList();
        var text = string.Join('\n', lines);
        var id = await EnqueueAsync("9003", new OutgoingMessage { Text = text, Choices = EchoHandler.YesNo });

        await RowAsync(app, id, OutboxState.Sent);
        var parts = _telegram.CallsTo("sendMessage").Select(c => c.Body).ToList();
        Assert.True(parts.Count >= 3);
        var unescaped = parts.Select(p => p.GetProperty("text").GetString()!.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&")).ToList();
        Assert.All(unescaped, p => Assert.True(p.Length <= 4096));
        Assert.Equal(text, string.Join('\n', unescaped));
        Assert.All(unescaped, p => Assert.StartsWith("Chi đoàn", p));
        Assert.All(parts[..^1], p => Assert.False(p.TryGetProperty("reply_markup", out _)));
        Assert.Equal("c:yes", parts[^1].GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_the_message_goes_out_once()
    {
        var calls = 0;
        _telegram.Handle = (method, _) => method == "sendMessage" && Interlocked.Increment(ref calls) <= 2
            ? (502, new { message = "Bad Gateway" })
            : FakeApi.Ok(new { message_id = 9 });
        await using var app = App();
        var id = await EnqueueAsync("9004", new OutgoingMessage { Text = "Thử lại" });
        await RowAsync(app, id, OutboxState.Sent);
        await Task.Delay(300);
        Assert.Equal(3, _telegram.CallsTo("sendMessage").Count());
    }

    [Fact]
    public async Task Stored_photos_are_uploaded_once_then_resent_by_file_id()
    {
        _telegram.Handle = (method, _) => method == "sendPhoto"
            ? FakeApi.Ok(new { message_id = 3, photo = new[] { new { file_id = "small", width = 90, height = 60 }, new { file_id = "AgAD-big", width = 1280, height = 960 } } })
            : FakeApi.Ok(new { message_id = 4 });
        await using var app = App();
        int photoId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (photo, _) = await scope.ServiceProvider.GetRequiredService<YouthMonth.Bot.Messaging.PhotoLibrary>()
                .SaveAsync(TestImages.Png(800), null, null, 10, 10, default);
            photoId = photo!.Id;
        }
        var first = await EnqueueAsync("9005", new OutgoingMessage { Text = "Ảnh hoạt động", PhotoId = photoId });
        await RowAsync(app, first, OutboxState.Sent);
        var second = await EnqueueAsync("9005", new OutgoingMessage { Text = "Gửi lại", PhotoId = photoId });
        await RowAsync(app, second, OutboxState.Sent);

        var sends = _telegram.CallsTo("sendPhoto").ToList();
        Assert.Equal(2, sends.Count);
        Assert.StartsWith("multipart/form-data", sends[0].ContentType);
        // Telegram.Bot uploads the bytes as a form part referenced by "attach://…".
        Assert.StartsWith("attach://", sends[0].Body.GetProperty("photo").GetString());
        Assert.Contains(sends[0].Body.EnumerateObject(), p => p.Value.GetString()!.StartsWith("file:", StringComparison.Ordinal));
        Assert.Equal("AgAD-big", sends[1].Body.GetProperty("photo").GetString());
        await using var db = app.Db();
        Assert.Equal("AgAD-big", (await db.Photos.SingleAsync(p => p.Id == photoId)).TelegramFileId);
    }

    [Fact]
    public async Task The_command_menu_from_DI_is_set_at_start_up()
    {
        IReadOnlyList<(string Command, string Description)> menu = [("baocao", "Gửi báo cáo tuần"), ("tongket", "Xem tổng hợp")];
        await using var app = App(s => s.AddSingleton(menu));
        await app.Services.GetRequiredService<Bot.Channels.Telegram.TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(10));
        var commands = Assert.Single(_telegram.CallsTo("setMyCommands")).Body.GetProperty("commands");
        // The dialogs' Vietnamese menu comes first (AddDialogs); another list from DI adds its own commands.
        Assert.Equal([.. app.Services.GetRequiredService<Core.Dialogs.Engine.DialogCommands>().Menu.Select(c => c.Command), "tongket"],
            commands.EnumerateArray().Select(c => c.GetProperty("command").GetString()));
        Assert.Equal("Gửi báo cáo kỳ này", commands[0].GetProperty("description").GetString());
    }
}
