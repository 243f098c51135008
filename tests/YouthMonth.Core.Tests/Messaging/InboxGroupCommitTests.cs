using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Messaging;

/// <summary>
/// The inbox's group commit (<see cref="InboxWriter"/>) on real PostgreSQL: an acknowledged update is committed
/// the moment its call returns, a failed batch fails every update of it (and only those), redeliveries — in the same
/// batch or later — are recognised, and a chat's messages keep their order.
/// </summary>
public sealed class InboxGroupCommitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private InboxWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _writer = new InboxWriter(_db.DataSource, TimeProvider.System, NullLogger<InboxWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static IncomingMessage Text(string chat, string text) =>
        new() { Channel = Channel.Telegram, ChatId = chat, Text = text, SentAt = DateTimeOffset.UtcNow };

    /// <summary>Read on a connection of its own, outside any batch: what another process would see.</summary>
    private async Task<bool> IsCommittedAsync(string key)
    {
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM inbox WHERE channel = 'Telegram' AND update_key = $1", conn);
        cmd.Parameters.AddWithValue(key);
        return (long)(await cmd.ExecuteScalarAsync())! == 1;
    }

    [Fact]
    public async Task Concurrent_updates_are_each_committed_when_acknowledged_and_duplicates_count_once()
    {
        // 600 deliveries of 400 distinct updates at once: every 3rd update is delivered twice in the same burst.
        var deliveries = Enumerable.Range(0, 400).SelectMany(i => i % 3 == 0 ? new[] { i, i } : [i]).ToList();
        deliveries.AddRange(Enumerable.Range(0, 400).Where(i => i % 7 == 0));
        var acknowledgedButMissing = 0;
        var results = await Task.WhenAll(deliveries.Select(i => Task.Run(async () =>
        {
            var stored = await _writer.StoreAsync($"u{i}", Text($"chat-{i % 20}", $"tin {i}"));
            // The acknowledgement means committed: another connection sees the row right now.
            if (!await IsCommittedAsync($"u{i}")) Interlocked.Increment(ref acknowledgedButMissing);
            return (Key: i, Stored: stored);
        })));

        Assert.Equal(0, acknowledgedButMissing);
        Assert.All(results.GroupBy(r => r.Key), g => Assert.Equal(1, g.Count(r => r.Stored)));
        Assert.Equal(400L, await _db.ScalarAsync<long>("SELECT count(*) FROM inbox"));
        // A redelivery after the fact is recognised too.
        Assert.False(await _writer.StoreAsync("u5", Text("chat-5", "tin 5")));
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_updates_stores_none_of_them_and_their_redeliveries_are_stored_once()
    {
        // Any statement holding the poisoned key fails, like a batch the database refused.
        await _db.ExecAsync("""
            CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.update_key = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER poison BEFORE INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION poison();
            """);
        var keys = Enumerable.Range(0, 300).Select(i => i == 150 ? "poison" : $"k{i}").ToList();
        var outcomes = await Task.WhenAll(keys.Select(k => Task.Run(async () =>
        {
            try
            {
                return (Key: k, Stored: await _writer.StoreAsync(k, Text("chat-" + k, k)), Failed: false);
            }
            catch (InboxUnavailableException)
            {
                return (Key: k, Stored: false, Failed: true);
            }
        })));

        var failed = outcomes.Where(o => o.Failed).Select(o => o.Key).ToList();
        Assert.Contains("poison", failed);
        // Every failed update is absent, every acknowledged one present: nothing half-stored.
        foreach (var o in outcomes) Assert.Equal(!o.Failed, await IsCommittedAsync(o.Key));
        Assert.All(outcomes.Where(o => !o.Failed), o => Assert.True(o.Stored));

        // The platform redelivers: the failed ones are stored now (once), the others are recognised.
        await _db.ExecAsync("DROP TRIGGER poison ON inbox");
        foreach (var o in outcomes) Assert.Equal(o.Failed, await _writer.StoreAsync(o.Key, Text("chat-" + o.Key, o.Key)));
        Assert.Equal(300L, await _db.ScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task A_chats_messages_sent_one_after_another_keep_their_order()
    {
        // One client per chat, each waiting for its acknowledgement (as a platform does per chat), 20 chats at once.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(c => Task.Run(async () =>
        {
            for (var seq = 0; seq < 30; seq++) Assert.True(await _writer.StoreAsync($"c{c}-{seq}", Text($"order-{c}", seq.ToString())));
        })));
        var disorder = await _db.ScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT (payload->>'text')::int AS seq, lag((payload->>'text')::int) OVER (PARTITION BY chat_id ORDER BY id) AS prev
                FROM inbox) t
            WHERE seq <> prev + 1
            """);
        Assert.Equal(0L, disorder);
        Assert.Equal(600L, await _db.ScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_update_instead_of_acknowledging_it()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = 1, Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(unreachable.ConnectionString);
        await using var writer = new InboxWriter(dataSource, TimeProvider.System, NullLogger<InboxWriter>.Instance);
        await Assert.ThrowsAsync<InboxUnavailableException>(() => writer.StoreAsync("lost", Text("chat-x", "a")));
    }
}
