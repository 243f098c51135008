using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Messaging;

/// <summary>Restarts and two Bot instances on one database: nothing lost, nothing handled or sent twice, order kept.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_message_stored_but_not_handled_before_a_crash_is_handled_once_after_restart()
    {
        await using (var first = new BotApp(_db) { UseEchoHandler = true })
        {
            first.Settings["Messaging:InboxWorkers"] = "0"; // the host dies before any worker gets to it
            var client = first.Client();
            (await client.PostAsJsonAsync("/local/messages", new { chatId = "crash-1", text = "một", id = "local-1" })).EnsureSuccessStatusCode();
            await using var db = first.Db();
            Assert.Null((await db.Inbox.SingleAsync()).ProcessedAt);
        }

        await using var second = new BotApp(_db) { UseEchoHandler = true };
        var again = second.Client();
        // The platform delivers the same update again after the restart: recognised, not stored twice.
        var redelivered = await (await again.PostAsJsonAsync("/local/messages", new { chatId = "crash-1", text = "một", id = "local-1" }))
            .Content.ReadFromJsonAsync<Bot.Channels.Local.LocalChatApi.Accepted>();
        Assert.False(redelivered!.Stored);

        await second.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == 1);
        await Task.Delay(300);
        Assert.Equal(["nhận: một"], await second.SentTextsAsync(Channel.Local, "crash-1"));
        await using var check = second.Db();
        var row = await check.Inbox.SingleAsync();
        Assert.NotNull(row.ProcessedAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Outbox_messages_survive_a_restart_and_are_sent_exactly_once()
    {
        await using var telegram = await FakeApi.StartAsync();
        BotApp NewApp(int outboxWorkers)
        {
            var app = new BotApp(_db);
            app.Settings["Telegram:Token"] = "42:ONCE";
            app.Settings["Telegram:Mode"] = "Webhook";
            app.Settings["Telegram:WebhookSecret"] = "x";
            app.Settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
            app.Settings["Messaging:OutboxWorkers"] = outboxWorkers.ToString();
            return app.Start();
        }

        await using (var db = _db.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= 3; i++)
                Assert.True(await Outbox.TryEnqueueAsync(db, Channel.Telegram, "7001", new OutgoingMessage { Text = $"Nhắc {i}" }, $"remind:{i}", now));
            // The same reminder fired again is not queued again.
            Assert.False(await Outbox.TryEnqueueAsync(db, Channel.Telegram, "7001", new OutgoingMessage { Text = "Nhắc 1" }, "remind:1", now));
            var alreadySent = Outbox.Add(db, Channel.Telegram, "7001", new OutgoingMessage { Text = "Đã gửi trước đó" }, now);
            alreadySent.State = OutboxState.Sent;
            await db.SaveChangesAsync();
        }

        await using (var stopped = NewApp(outboxWorkers: 0))
        {
            await Task.Delay(500);
            Assert.Empty(telegram.CallsTo("sendMessage"));
        }
        await using (var sending = NewApp(outboxWorkers: 4))
            await sending.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Pending), n => n == 0);
        await using (var restarted = NewApp(outboxWorkers: 4))
            await Task.Delay(800);

        Assert.Equal(["Nhắc 1", "Nhắc 2", "Nhắc 3"], telegram.CallsTo("sendMessage").Select(c => c.Body.GetProperty("text").GetString()));
    }

    /// <summary>Records when each message was handled and by which host, slowly, to expose overlap.</summary>
    private sealed class SlowRecorder(Recording recording, string host) : IMessageHandler
    {
        public async Task HandleAsync(Conversation conversation, CancellationToken ct)
        {
            var m = conversation.Message;
            var start = DateTime.UtcNow;
            await Task.Delay(15, ct);
            recording.Add(m.ChatId, int.Parse(m.Text!), host, start, DateTime.UtcNow);
        }
    }

    private sealed class Recording
    {
        public readonly ConcurrentQueue<(string Chat, int Seq, string Host, DateTime Start, DateTime End)> Entries = new();
        public void Add(string chat, int seq, string host, DateTime start, DateTime end) => Entries.Enqueue((chat, seq, host, start, end));
    }

    [Fact]
    public async Task Two_bot_instances_on_one_database_keep_each_chats_order_and_never_overlap()
    {
        var recording = new Recording();
        BotApp Host(string name)
        {
            var app = new BotApp(_db)
            {
                TestServices = s => s.AddScoped<IMessageHandler>(_ => new SlowRecorder(recording, name)),
            };
            app.Settings["Messaging:InboxWorkers"] = "3";
            app.Settings["Messaging:InboxPollIntervalMs"] = "20";
            return app.Start();
        }
        await using var a = Host("A");
        await using var b = Host("B");

        // Stored straight into the inbox, so neither host is woken in-process: both find the work by polling.
        const int chats = 6, perChat = 8;
        await using (var db = _db.CreateDbContext())
        {
            var inbox = new Inbox(db, TimeProvider.System);
            for (var seq = 1; seq <= perChat; seq++)
                for (var c = 1; c <= chats; c++)
                    await inbox.StoreAsync($"order-{c}-{seq}", new IncomingMessage { Channel = Channel.Local, ChatId = $"chat-{c}", Text = seq.ToString() });
        }

        await a.WaitForAsync(db => db.Inbox.CountAsync(i => i.ProcessedAt != null), n => n == chats * perChat, 30_000);
        var entries = recording.Entries.ToList();
        Assert.Equal(chats * perChat, entries.Count);
        foreach (var chat in entries.GroupBy(e => e.Chat))
        {
            var ordered = chat.OrderBy(e => e.Start).ToList();
            Assert.Equal(Enumerable.Range(1, perChat), ordered.Select(e => e.Seq));
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Start >= ordered[i - 1].End, $"{chat.Key}: message {ordered[i].Seq} started before {ordered[i - 1].Seq} ended");
        }
        Assert.Contains(entries, e => e.Host == "A");
        Assert.Contains(entries, e => e.Host == "B");
    }
}
