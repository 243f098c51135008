using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Messaging;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;
using Chat = Telegram.Bot.Types.Chat;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// Each Telegram.Bot error, thrown by a mocked <see cref="ITelegramBotClient"/> (the library's own seam), becomes the
/// right outbox decision in the real Bot host on PostgreSQL: wait retry_after, unreachable, moved chat, not modified,
/// transient retry, and the photo's file_id kept after the first upload.
/// </summary>
public sealed class TelegramSenderDecisionTests : IAsyncLifetime
{
    private const string Token = "8080:MOCK-token-never-logged";
    private TestDatabase _db = null!;
    private readonly Mock<ITelegramBotClient> _bot = new();
    /// <summary>Every request the sender made, in order.</summary>
    private readonly ConcurrentQueue<(IRequest<Message> Request, DateTime At)> _sent = new();
    private int _messageIds = 100;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>sendMessage and sendPhoto answer with what <paramref name="answer"/> gives (a message, or an exception to throw).</summary>
    private void OnSend(Func<IRequest<Message>, int, Message?> answer)
    {
        var calls = 0;
        Task<Message> Reply(IRequest<Message> request)
        {
            _sent.Enqueue((request, DateTime.UtcNow));
            return Task.FromResult(answer(request, Interlocked.Increment(ref calls)) ?? Sent(request));
        }
        _bot.Setup(b => b.SendRequest(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
            .Returns((IRequest<Message> r, CancellationToken _) => Reply(r));
        _bot.Setup(b => b.SendRequest(It.IsAny<SendPhotoRequest>(), It.IsAny<CancellationToken>()))
            .Returns((IRequest<Message> r, CancellationToken _) => Reply(r));
    }

    private Message Sent(IRequest<Message> request) => new()
    {
        Id = Interlocked.Increment(ref _messageIds),
        Date = DateTime.UtcNow,
        Chat = new Chat { Id = long.Parse(ChatOf(request)) },
    };

    private static string ChatOf(IRequest<Message> request) => request switch
    {
        SendMessageRequest m => $"{m.ChatId}",
        SendPhotoRequest p => $"{p.ChatId}",
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    private BotApp App()
    {
        _bot.Setup(b => b.SendRequest(It.IsAny<GetMeRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new User { Id = 8080, IsBot = true, FirstName = "Mock", Username = "MockBot" });
        var app = new BotApp(_db)
        {
            UseEchoHandler = true,
            TestServices = s => s.Replace(ServiceDescriptor.Singleton(TelegramApi.For(_bot.Object, Token))),
        };
        app.Settings["Telegram:Token"] = Token;
        // Webhook mode without a URL: no poller, only the sender talks to the mock.
        app.Settings["Telegram:Mode"] = "Webhook";
        app.Settings["Telegram:WebhookSecret"] = "unused";
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
        app.WaitForAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id), r => r.State == state, 30_000);

    private static Exception Api(int code, string description, ResponseParameters? parameters = null) =>
        new ApiRequestException(description, code, parameters);

    private List<string> ChatsSentTo() => _sent.Select(s => ChatOf(s.Request)).ToList();

    [Fact]
    public async Task Rate_limit_429_waits_the_retry_after_it_names_then_sends_once()
    {
        OnSend((_, n) => n == 1 ? throw Api(429, "Too Many Requests: retry after 3", new ResponseParameters { RetryAfter = 3 }) : null);
        await using var app = App();
        var id = await EnqueueAsync("7001", new OutgoingMessage { Text = "Nhắc nộp báo cáo" });

        var row = await RowAsync(app, id, OutboxState.Sent);
        var sends = _sent.ToList();
        Assert.Equal(2, sends.Count);
        // The library did not wait by itself (RetryThreshold 0): the outbox did, for the 3 s Telegram asked.
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(2.9), $"retried after {(sends[1].At - sends[0].At).TotalSeconds:F2}s");
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task Blocked_403_and_chat_not_found_400_mark_the_chat_unreachable_without_retrying()
    {
        OnSend((r, _) => ChatOf(r) switch
        {
            "7002" => throw Api(403, "Forbidden: bot was blocked by the user"),
            "-7003" => throw Api(400, "Bad Request: chat not found"),
            _ => null,
        });
        await using var app = App();
        var blocked = await EnqueueAsync("7002", new OutgoingMessage { Text = "Xin chào" });
        var gone = await EnqueueAsync("-7003", new OutgoingMessage { Text = "Tổng hợp" }, ChatType.Group);

        Assert.Contains("blocked", (await RowAsync(app, blocked, OutboxState.Failed)).LastError);
        Assert.Contains("chat not found", (await RowAsync(app, gone, OutboxState.Failed)).LastError);
        await using var db = app.Db();
        var accounts = await db.ChatAccounts.Where(a => a.ChatId == "7002" || a.ChatId == "-7003").ToDictionaryAsync(a => a.ChatId);
        Assert.Equal("Forbidden: bot was blocked by the user", accounts["7002"].UnreachableReason);
        Assert.Equal("Bad Request: chat not found", accounts["-7003"].UnreachableReason);
        Assert.Equal(["-7003", "7002"], ChatsSentTo().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrated_group_moves_the_chat_and_its_pending_messages_and_resends_there()
    {
        OnSend((r, _) => ChatOf(r) == "-7004"
            ? throw Api(400, "Bad Request: group chat was upgraded to a supergroup chat", new ResponseParameters { MigrateToChatId = -1007004 })
            : null);
        await using var app = App();
        var first = await EnqueueAsync("-7004", new OutgoingMessage { Text = "Tổng hợp tuần 1" }, ChatType.Group);
        var second = await EnqueueAsync("-7004", new OutgoingMessage { Text = "Tổng hợp tuần 2" }, ChatType.Group);

        Assert.Equal("-1007004", (await RowAsync(app, first, OutboxState.Sent)).ChatId);
        Assert.Equal("-1007004", (await RowAsync(app, second, OutboxState.Sent)).ChatId);
        Assert.Equal(["-7004", "-1007004", "-1007004"], ChatsSentTo());
        await using var db = app.Db();
        Assert.True(await db.ChatAccounts.AnyAsync(a => a.ChatId == "-1007004"));
        Assert.False(await db.ChatAccounts.AnyAsync(a => a.ChatId == "-7004"));
    }

    [Fact]
    public async Task Not_modified_counts_as_sent_and_is_not_retried()
    {
        OnSend((_, _) => throw Api(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"));
        await using var app = App();
        var id = await EnqueueAsync("7005", new OutgoingMessage { Text = "Như cũ" });

        var row = await RowAsync(app, id, OutboxState.Sent);
        await Task.Delay(500);
        Assert.Single(_sent);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Network_errors_and_5xx_are_transient_and_errors_never_carry_the_token()
    {
        OnSend((_, n) => n switch
        {
            1 => throw new RequestException($"Bad Gateway from /bot{Token}/sendMessage", HttpStatusCode.BadGateway),
            2 => throw Api(500, "Internal Server Error"),
            3 => throw new RequestException("Exception during making request", new HttpRequestException("Connection refused")),
            5 => throw Api(400, $"Bad Request: can't parse entities for /bot{Token}"),
            _ => null,
        });
        await using var app = App();
        var transient = await EnqueueAsync("7006", new OutgoingMessage { Text = "Thử lại" });
        var row = await RowAsync(app, transient, OutboxState.Sent);
        Assert.Equal(4, _sent.Count); // four tries inside one outbox attempt (the client's short retry), the last succeeds
        Assert.Equal(1, row.Attempts);

        var bad = await EnqueueAsync("7007", new OutgoingMessage { Text = "<b>" });
        var failed = await RowAsync(app, bad, OutboxState.Failed);
        Assert.Equal(5, _sent.Count); // a 400 is not retried
        Assert.DoesNotContain(Token, failed.LastError);
        Assert.Contains("<token>", failed.LastError);
        Assert.DoesNotContain(Token, app.Logs.All);
    }

    [Fact]
    public async Task A_photo_is_uploaded_once_then_resent_by_the_largest_file_id()
    {
        OnSend((r, _) => r is SendPhotoRequest p
            ? new Message
            {
                Id = Interlocked.Increment(ref _messageIds), Date = DateTime.UtcNow, Chat = new Chat { Id = long.Parse($"{p.ChatId}") },
                Photo = [new PhotoSize { FileId = "AgAD-big", FileUniqueId = "b", Width = 1280, Height = 960 },
                         new PhotoSize { FileId = "AgAD-small", FileUniqueId = "s", Width = 90, Height = 60 }],
            }
            : null);
        await using var app = App();
        int photoId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (photo, _) = await scope.ServiceProvider.GetRequiredService<PhotoLibrary>().SaveAsync(TestImages.Png(800), null, null, 10, 10, default);
            photoId = photo!.Id;
        }
        await RowAsync(app, await EnqueueAsync("7008", new OutgoingMessage { Text = "Ảnh hoạt động", PhotoId = photoId }), OutboxState.Sent);
        await RowAsync(app, await EnqueueAsync("7009", new OutgoingMessage { Text = "Gửi lại", PhotoId = photoId }), OutboxState.Sent);

        var photos = _sent.Select(s => s.Request).OfType<SendPhotoRequest>().ToList();
        Assert.Equal(2, photos.Count);
        Assert.IsType<InputFileStream>(photos[0].Photo);
        Assert.Equal("AgAD-big", Assert.IsType<InputFileId>(photos[1].Photo).Id);
        Assert.Equal("Gửi lại", photos[1].Caption);
        await using var db = app.Db();
        Assert.Equal("AgAD-big", (await db.Photos.SingleAsync(p => p.Id == photoId)).TelegramFileId);
    }
}
