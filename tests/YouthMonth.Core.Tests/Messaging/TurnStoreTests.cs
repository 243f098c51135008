using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Messaging;

/// <summary>
/// The dialog turn's hot-path SQL (<see cref="TurnStore"/>): the one-statement claim keeps a chat with one worker
/// and its messages in order; a turn that throws leaves the message pending and the chat's state as it was.
/// </summary>
public sealed class TurnStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task StoreAsync(string chatId, string text, DateTimeOffset? notBefore = null)
    {
        await using var db = _db.CreateDbContext();
        db.Inbox.Add(new InboxMessage
        {
            Channel = Channel.Zalo, UpdateKey = Guid.NewGuid().ToString("N"), ChatId = chatId, ReceivedAt = DateTimeOffset.UtcNow, NotBefore = notBefore,
            Payload = MessageJson.Serialize(new IncomingMessage { Channel = Channel.Zalo, ChatId = chatId, UserId = chatId, Text = text, SentAt = DateTimeOffset.UtcNow }),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The chat one claim in a transaction of its own takes (rolled back), or null.</summary>
    private async Task<string?> ClaimedChatAsync()
    {
        await using var db = _db.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        return (await TurnStore.ClaimAsync(db, DateTimeOffset.UtcNow, CancellationToken.None))?.ChatId;
    }

    [Fact]
    public async Task Concurrent_claims_never_give_two_workers_the_same_chat_and_each_gets_its_chats_oldest_message()
    {
        // Three chats, two messages each, interleaved: c1 a, c2 a, c3 a, c1 b, c2 b, c3 b.
        foreach (var round in new[] { "a", "b" })
            foreach (var chat in new[] { "c1", "c2", "c3" })
                await StoreAsync(chat, $"{chat} {round}");

        // Four open transactions claim one after another while the earlier ones still hold their chats.
        var held = new List<(YouthMonthDb Db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Tx, InboxMessage? Row)>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var db = _db.CreateDbContext();
                var tx = await db.Database.BeginTransactionAsync();
                held.Add((db, tx, await TurnStore.ClaimAsync(db, DateTimeOffset.UtcNow, CancellationToken.None)));
            }
            var claimed = held.Where(h => h.Row is not null).Select(h => h.Row!).ToList();
            Assert.Equal(["c1", "c2", "c3"], claimed.Select(r => r.ChatId));
            Assert.All(claimed, r => Assert.EndsWith(" a", MessageJson.Deserialize<IncomingMessage>(r.Payload).Text));
            Assert.Null(held[3].Row);
        }
        finally
        {
            foreach (var h in held) { await h.Tx.DisposeAsync(); await h.Db.DisposeAsync(); }
        }

        // Sixteen workers racing on 40 chats × 3 messages (and the 6 above): every message handled once, each chat
        // in order.
        for (var i = 0; i < 3; i++)
            for (var c = 0; c < 40; c++)
                await StoreAsync($"r{c}", $"{i}");
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Chat, long Id, long Order)>();
        long order = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                await using var db = _db.CreateDbContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                var row = await TurnStore.ClaimAsync(db, DateTimeOffset.UtcNow, CancellationToken.None);
                if (row is null)
                {
                    // Nothing free now; done when nothing is pending at all.
                    if (await db.Inbox.CountAsync(r => r.ProcessedAt == null) == 0) return;
                    continue;
                }
                seen.Add((row.ChatId, row.Id, Interlocked.Increment(ref order)));
                row.ProcessedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
        })));
        Assert.Equal(126, seen.Count);
        Assert.Equal(126, seen.Select(s => s.Id).Distinct().Count());
        Assert.All(seen.GroupBy(s => s.Chat), chat =>
            Assert.Equal(chat.OrderBy(s => s.Id).Select(s => s.Id), chat.OrderBy(s => s.Order).Select(s => s.Id)));
    }

    [Fact]
    public async Task A_message_waiting_for_its_retry_holds_back_its_chat_but_not_the_others()
    {
        var later = DateTimeOffset.UtcNow.AddMinutes(5);
        await StoreAsync("w1", "first", notBefore: later);
        await StoreAsync("w1", "second");
        await StoreAsync("w2", "other");
        Assert.Equal("w2", await ClaimedChatAsync());
    }

    [Fact]
    public async Task Many_messages_queued_behind_a_retry_do_not_hide_the_chats_after_them()
    {
        // The walk stops after 32 chat heads, not after 32 messages: w1's 40 waiting messages count as none.
        await StoreAsync("w1", "first", notBefore: DateTimeOffset.UtcNow.AddMinutes(5));
        for (var i = 0; i < 40; i++) await StoreAsync("w1", $"later {i}");
        await StoreAsync("w2", "other");
        Assert.Equal("w2", await ClaimedChatAsync());
    }

    [Fact]
    public async Task A_turn_that_throws_leaves_the_message_pending_for_its_retry_and_the_chat_state_unchanged()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddYouthMonthCore(_db.ConnectionString);
        services.AddSingleton<ChatProcessor>();
        services.AddScoped<IMessageHandler, ThrowingHandler>();
        await using var provider = services.BuildServiceProvider();

        await using (var db = _db.CreateDbContext())
        {
            var chat = new ChatAccount { Channel = Channel.Zalo, ChatId = "boom", CreatedAt = DateTimeOffset.UtcNow };
            db.ChatAccounts.Add(chat);
            await db.SaveChangesAsync();
            db.DialogStates.Add(new DialogState { ChatAccountId = chat.Id, Dialog = "weekly_report", Step = "title", Data = """{"x": 1}""", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await StoreAsync("boom", "hello");

        Assert.True(await provider.GetRequiredService<ChatProcessor>().ProcessNextAsync());

        await using (var db = _db.CreateDbContext())
        {
            var row = await db.Inbox.SingleAsync(r => r.ChatId == "boom");
            Assert.Null(row.ProcessedAt);
            Assert.Equal(1, row.Attempts);
            Assert.NotNull(row.NotBefore);
            Assert.Contains("TimeoutException", row.LastError);
            var state = await db.DialogStates.SingleAsync(s => s.ChatAccount!.ChatId == "boom");
            Assert.Equal(("weekly_report", "title"), (state.Dialog, state.Step));
            Assert.Contains("\"x\": 1", state.Data);
            Assert.Equal(0, await db.Outbox.CountAsync(o => o.ChatId == "boom"));
            Assert.Null((await db.ChatAccounts.SingleAsync(a => a.ChatId == "boom")).LastSeenAt);
        }
    }

    /// <summary>Changes the state, queues a reply and writes them, then fails as a network call would.</summary>
    private sealed class ThrowingHandler : IMessageHandler
    {
        public async Task HandleAsync(Conversation conversation, CancellationToken ct)
        {
            var state = await conversation.Db.DialogStates.SingleAsync(s => s.ChatAccountId == conversation.Chat.Id, ct);
            state.Step = "changed";
            conversation.Reply("never sent");
            Outbox.Add(conversation.Db, conversation.Chat.Channel, conversation.Chat.ChatId, new OutgoingMessage { Text = "never sent" }, conversation.Now);
            await conversation.Db.SaveChangesAsync(ct);
            throw new TimeoutException("the file server did not answer");
        }
    }
}
