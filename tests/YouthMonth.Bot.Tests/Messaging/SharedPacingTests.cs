using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Messaging;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Messaging;

/// <summary>Per-chat, per-group and per-token budgets hold across Bot instances: the state is in PostgreSQL.</summary>
public sealed class SharedPacingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>Two pacers with their own connection pools: what two Bot processes have.</summary>
    private (SendPacer A, SendPacer B, NpgsqlDataSource[] Sources) TwoPacers()
    {
        var a = NpgsqlDataSource.Create(_db.ConnectionString);
        var b = NpgsqlDataSource.Create(_db.ConnectionString);
        return (new SendPacer(a), new SendPacer(b), [a, b]);
    }

    private async Task<DateTimeOffset> DbNowAsync() =>
        new(await _db.ScalarAsync<DateTime>("SELECT clock_timestamp()"), TimeSpan.Zero);

    [Fact]
    public async Task A_chats_gap_holds_whichever_instance_reserves()
    {
        var (a, b, sources) = TwoPacers();
        var limits = new PacingLimits("telegram:1", 1000, TimeSpan.FromSeconds(1), 20);
        Assert.Equal(TimeSpan.Zero, await a.ReserveAsync(limits, "777", isGroup: false, default));
        // The other instance may not send to the chat within the gap; nothing is reserved for it.
        Assert.Null(await b.ReserveAsync(limits, "777", isGroup: false, default));
        // Another chat is not held up by this one.
        Assert.Equal(TimeSpan.Zero, await b.ReserveAsync(limits, "778", isGroup: false, default));
        await Task.Delay(1050);
        Assert.Equal(TimeSpan.Zero, await b.ReserveAsync(limits, "777", isGroup: false, default));
        Assert.Null(await a.ReserveAsync(limits, "777", isGroup: false, default));
        foreach (var s in sources) await s.DisposeAsync();
    }

    [Fact]
    public async Task A_groups_budget_per_minute_is_shared()
    {
        var (a, b, sources) = TwoPacers();
        var limits = new PacingLimits("telegram:1", 1000, TimeSpan.Zero, 20);
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 21; i++) waits.Add(await (i % 2 == 0 ? a : b).ReserveAsync(limits, "-100200", isGroup: true, default));
        Assert.All(waits.Take(20), w => Assert.True(w < TimeSpan.FromSeconds(1), $"wait {w}"));
        // The 21st message of the minute is refused until the first one is a minute old.
        Assert.Null(waits[20]);
        await using var db = _db.CreateDbContext();
        var row = await db.SendPacing.SingleAsync(p => p.Key == "telegram:1:chat:-100200");
        Assert.Equal(20, row.Recent!.Length);
        foreach (var s in sources) await s.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_whose_own_limits_allow_it_takes_the_next_global_slot_even_when_that_is_later()
    {
        // No per-chat gap, a 100 ms global gap: back-to-back sends to one chat queue on the token's slots instead of
        // being refused for being less than one global gap early (the old check compared the chat with "now").
        var (a, b, sources) = TwoPacers();
        // EF's first query in the process (model, compilation) can take seconds on a loaded machine: done before
        // the timed part, so the 5 s gap below cannot run out while it happens.
        await using var db = _db.CreateDbContext();
        await db.SendPacing.AsNoTracking().CountAsync();
        var limits = new PacingLimits("telegram:1", 10, TimeSpan.Zero, 20);
        var waits = new List<TimeSpan?>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) waits.Add(await (i % 2 == 0 ? a : b).ReserveAsync(limits, "-100300", isGroup: true, default));
        Assert.All(waits, w => Assert.NotNull(w));
        // The fifth slot is four global gaps (400 ms) after the first, however long the round trips took.
        Assert.True(clock.Elapsed + waits[4] > TimeSpan.FromMilliseconds(350), $"the fifth waits for its slot: {waits[4]} after {clock.Elapsed}");
        // A chat still waiting for its own gap, later than the global slot, is refused and reserves nothing.
        var gapped = limits with { PerChatInterval = TimeSpan.FromSeconds(5) };
        Assert.NotNull(await a.ReserveAsync(gapped, "555", isGroup: false, default));
        {
            var before = (await db.SendPacing.AsNoTracking().SingleAsync(p => p.Key == "telegram:1")).NextAt;
            Assert.Null(await b.ReserveAsync(gapped, "555", isGroup: false, default));
            Assert.Equal(before, (await db.SendPacing.AsNoTracking().SingleAsync(p => p.Key == "telegram:1")).NextAt);
        }
        foreach (var s in sources) await s.DisposeAsync();
    }

    [Fact]
    public async Task The_tokens_rate_is_shared_and_a_429_pauses_every_instance()
    {
        var (a, b, sources) = TwoPacers();
        var limits = new PacingLimits("telegram:1", 30, TimeSpan.FromSeconds(1), 20);
        var start = await DbNowAsync();
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? a : b).ReserveAsync(limits, $"c{i}", false, default)));
        await using (var db = _db.CreateDbContext())
        {
            var global = await db.SendPacing.AsNoTracking().SingleAsync(p => p.Key == "telegram:1");
            // 60 slots 1/30 s apart: the next free slot is at least 2 s after the first could be.
            Assert.True(global.NextAt - start >= TimeSpan.FromSeconds(2), $"{(global.NextAt - start).TotalSeconds} s");
        }

        await a.PauseAsync(limits, TimeSpan.FromSeconds(30), default);
        var afterPause = await b.ReserveAsync(limits, "other", false, default);
        Assert.InRange(afterPause!.Value.TotalSeconds, 28, 30.1);
        foreach (var s in sources) await s.DisposeAsync();
    }

    [Fact]
    public async Task Two_bot_hosts_sending_one_outbox_keep_every_chat_a_second_apart_at_the_platform()
    {
        await using var telegram = await FakeApi.StartAsync();
        BotApp Host(string name)
        {
            var app = new BotApp(_db)
            {
                TestServices = s => s.AddHttpClient(TelegramApi.HttpClientName)
                    .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Test-Host", name)),
            };
            app.Settings["Telegram:Token"] = "4242:PACE";
            app.Settings["Telegram:Mode"] = "Webhook";
            app.Settings["Telegram:WebhookSecret"] = "x";
            app.Settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
            app.Settings["Telegram:PerChatIntervalMs"] = "1000";
            app.Settings["Telegram:MessagesPerSecond"] = "8";
            app.Settings["Messaging:OutboxWorkers"] = "3";
            app.Settings["Messaging:OutboxPollIntervalMs"] = "20";
            return app;
        }

        const int chats = 4, perChat = 5;
        await using (var db = _db.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= perChat; i++)
                for (var c = 1; c <= chats; c++)
                    Outbox.Add(db, Channel.Telegram, $"90{c}", new OutgoingMessage { Text = $"{c}.{i}" }, now);
            await db.SaveChangesAsync();
        }
        await using var a = Host("A");
        await using var b = Host("B");
        a.Start();
        b.Start();
        await a.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == chats * perChat, 60_000);

        var calls = telegram.CallsTo("sendMessage").ToList();
        Assert.Equal(chats * perChat, calls.Count);
        var gaps = calls.GroupBy(c => c.Body.GetProperty("chat_id").ToString())
            .SelectMany(g =>
            {
                var list = g.OrderBy(c => c.At).ToList();
                Assert.Equal(Enumerable.Range(1, perChat).Select(i => $"{g.Key[2..]}.{i}"), list.Select(c => c.Body.GetProperty("text").GetString()));
                return list.Zip(list.Skip(1), (x, y) => y.At - x.At);
            }).ToList();
        var sorted = calls.OrderBy(c => c.At).ToList();
        var busiestSecond = sorted.Max(x => sorted.Count(y => y.At >= x.At && y.At < x.At.AddSeconds(1)));
        var byHost = calls.GroupBy(c => c.Host).ToDictionary(g => g.Key ?? "?", g => g.Count());
        output.WriteLine($"smallest per-chat gap {gaps.Min().TotalMilliseconds:F0} ms; hosts {string.Join(", ", byHost.Select(h => $"{h.Key}={h.Value}"))}; " +
            $"most sends in any 1 s window {busiestSecond} (limit 8/s); span {(sorted[^1].At - sorted[0].At).TotalSeconds:F1} s");

        Assert.True(gaps.Min() >= TimeSpan.FromSeconds(1), $"smallest per-chat gap {gaps.Min().TotalMilliseconds} ms");
        Assert.True(byHost.ContainsKey("A") && byHost.ContainsKey("B"), "both hosts sent");
        // 8/s shared by both hosts (slots 125 ms apart; arrival jitter may bunch two slots into one window).
        Assert.InRange(busiestSecond, 1, 9);
    }
}
