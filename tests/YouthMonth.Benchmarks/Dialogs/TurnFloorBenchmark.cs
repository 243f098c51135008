using System.Diagnostics;
using Npgsql;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Dialogs;

/// <summary>
/// The ceiling for dialog-turns on this machine: a turn's SQL and nothing else. Each "turn" claims a message
/// (inbox_claim + SAVEPOINT), reads the chat, its dialog state, the plan version and its unsent replies (the three
/// queries of TurnStore), writes the state, marks the message handled and queues one reply, and commits — the
/// statements a typical dialog-turns turn sends, with plain Npgsql (prepared) and no dialog, EF or JSON at all.
/// Run as the product does (4 round trips: the commit on its own) and with the commit in the write batch
/// (3 round trips, the least a turn that reads before it writes can take). The ratio to pgbench in the same run is
/// the most any .NET code could reach with one transaction per turn.
/// </summary>
public sealed class TurnFloorBenchmark : IBenchmark
{
    public string Name => "turn-floor";
    public string Description => "A dialog turn's SQL alone (no dialog, no EF), 4 workers, vs pgbench [chats=1000] [seconds=15] [round trips=4,3,2]";

    private const string Draft = """{"period":3,"activities":[{"title":"Tọa đàm kỹ năng số","category":8,"date":"2024-03-04","values":{"participants":60},"summary":"Tọa đàm cho 60 đoàn viên.","photos":[1]}],"step":"more"}""";
    private const string Reply = """{"text":"Đã ghi hoạt động \"Tọa đàm kỹ năng số\". Bạn còn hoạt động nào khác trong tuần không?","choices":["Có","Không"]}""";

    public async Task<int> RunAsync(string[] args)
    {
        var chats = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 15;
        var rows = new List<string>();
        var variants = args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : [4, 3, 2];
        foreach (var roundTrips in variants)
        {
            await using var database = await SeedAsync(chats);
            await using var source = Core.CoreServices.DataSourceBuilder(database.ConnectionString).Build();
            var turns = 0L;
            var cpu = new CpuSplit(new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!);
            using var stop = new CancellationTokenSource();
            var latencies = new List<double>[4];
            // Warm up each connection (prepared statements) and the JIT (tiered code) before the timed part.
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                latencies[w] = [];
                var conn = await source.OpenConnectionAsync();
                for (var i = 0; i < 300; i++) await TurnAsync(conn, roundTrips);
                return conn;
            })).ToList();
            var connections = await Task.WhenAll(workers);
            cpu.Start();
            var wall = Stopwatch.StartNew();
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            await Task.WhenAll(connections.Select((conn, w) => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    await TurnAsync(conn, roundTrips);
                    latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref turns);
                }
            })));
            wall.Stop();
            cpu.Stop();
            foreach (var c in connections) await c.DisposeAsync();
            var all = latencies.SelectMany(l => l).Order().ToList();
            rows.Add($"| {roundTrips switch { 4 => "4 (as the product: claim, reads, writes, commit)", 3 => "3 (the commit in the write batch)", _ => "2 (claim and reads in one statement; writes and commit)" }} | {turns} | {turns / wall.Elapsed.TotalSeconds:F0} | {Percentiles.Of(all, 0.50):F1} / {Percentiles.Of(all, 0.99):F1} ms | {cpu.PerTurn((int)turns)} |");
        }

        await using var reference = await TestDatabase.CreateAsync();
        var pgbench = await PgBench.InboxInsertsAsync(reference.ConnectionString, 15, 4);
        Console.WriteLine("| round trips per turn | turns | turns/s | p50 / p99 | CPU |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"pgbench single-row INSERT into a copy of inbox (4 clients, 15 s): {pgbench}");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>A fresh database per row, so that no row inherits the dead rows and queued replies of the one before.</summary>
    private static async Task<TestDatabase> SeedAsync(int chats)
    {
        var database = await TestDatabase.CreateAsync();
        var plan = await TestPlan.SeedAsync(database);
        await DialogTurnsBenchmark.SeedSecretariesAsync(database, plan, chats);
        // Every chat has a dialog state, and far more messages waiting than the run can handle.
        await database.ExecAsync($$"""
            INSERT INTO dialog_states (chat_account_id, dialog, step, data, updated_at)
            SELECT id, 'weekly', 'activity', '{{Draft}}', now() FROM chat_accounts;
            INSERT INTO inbox (channel, update_key, chat_id, payload, received_at, attempts)
            SELECT 'Zalo', g || '-' || a.chat_id, a.chat_id, ('{"channel":"Zalo","chatId":"' || a.chat_id || '","text":"60"}')::jsonb, now(), 0
            FROM generate_series(1, {{Math.Max(60, 60_000 / chats)}}) g CROSS JOIN chat_accounts a ORDER BY g, a.id;
            ANALYZE;
            -- Only for the 2-round-trip row: the claim and the turn's reads as one statement.
            CREATE FUNCTION bench_claim_and_read(p_now timestamptz)
            RETURNS TABLE (id bigint, chat_id text, account int, unit text, data jsonb, plan bigint, pending int) LANGUAGE plpgsql AS $f$
            DECLARE r inbox;
            BEGIN
                SELECT * INTO r FROM inbox_claim(p_now);
                IF NOT FOUND THEN RETURN; END IF;
                RETURN QUERY
                SELECT r.id, r.chat_id::text, a.id, u.name::text, d.data, (SELECT value FROM plan_version),
                       (SELECT count(*)::int FROM outbox o WHERE o.channel = r.channel AND o.chat_id = r.chat_id AND o.state = 'Pending')
                FROM chat_accounts a
                LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN units u ON u.id = c.unit_id
                LEFT JOIN leader_chats l ON l.id = a.leader_chat_id
                LEFT JOIN dialog_states d ON d.chat_account_id = a.id
                WHERE a.channel = r.channel AND a.chat_id = r.chat_id;
            END
            $f$;
            """);

        return database;
    }

    private static async Task TurnAsync(NpgsqlConnection conn, int roundTrips)
    {
        var now = DateTimeOffset.UtcNow;
        long id;
        string chatId;
        int account;
        if (roundTrips == 2)
        {
            await using var both = new NpgsqlBatch(conn)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("BEGIN"),
                    new NpgsqlBatchCommand("SELECT * FROM bench_claim_and_read($1)") { Parameters = { new() { Value = now } } },
                    new NpgsqlBatchCommand("SAVEPOINT handle"),
                },
            };
            await using var reader = await both.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException("the inbox ran dry: seed more messages");
            (id, chatId, account) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2));
            for (var i = 3; i < reader.FieldCount; i++) _ = reader.GetValue(i);
        }
        else
        {
            (id, chatId, account) = await ClaimAndReadAsync(conn, now);
        }
        await WriteAsync(conn, now, id, chatId, account, commitInBatch: roundTrips < 4);
    }

    private static async Task<(long Id, string ChatId, int Account)> ClaimAndReadAsync(NpgsqlConnection conn, DateTimeOffset now)
    {
        long id;
        string chatId;
        await using (var claim = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand("SELECT id, chat_id FROM inbox_claim($1)") { Parameters = { new() { Value = now } } },
                new NpgsqlBatchCommand("SAVEPOINT handle"),
            },
        })
        await using (var reader = await claim.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException("the inbox ran dry: seed more messages");
            id = reader.GetInt64(0);
            chatId = reader.GetString(1);
        }

        int account;
        await using (var load = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    SELECT a.*, c.*, u.*, l.* FROM chat_accounts a
                    LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN units u ON u.id = c.unit_id
                    LEFT JOIN leader_chats l ON l.id = a.leader_chat_id
                    WHERE a.channel = $1 AND a.chat_id = $2
                    """) { Parameters = { new() { Value = "Zalo" }, new() { Value = chatId } } },
                new NpgsqlBatchCommand("""
                    SELECT v.value, d.* FROM plan_version v LEFT JOIN dialog_states d
                      ON d.chat_account_id = (SELECT id FROM chat_accounts WHERE channel = $1 AND chat_id = $2)
                    """) { Parameters = { new() { Value = "Zalo" }, new() { Value = chatId } } },
                new NpgsqlBatchCommand("SELECT count(*)::int FROM outbox WHERE channel = $1 AND chat_id = $2 AND state = 'Pending'")
                    { Parameters = { new() { Value = "Zalo" }, new() { Value = chatId } } },
            },
        })
        await using (var reader = await load.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            account = reader.GetInt32(0);
            while (await reader.NextResultAsync()) while (await reader.ReadAsync()) { }
        }
        return (id, chatId, account);
    }

    private static async Task WriteAsync(NpgsqlConnection conn, DateTimeOffset now, long id, string chatId, int account, bool commitInBatch)
    {
        await using var write = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("UPDATE dialog_states SET data = $1::jsonb, step = $2, updated_at = $3 WHERE chat_account_id = $4")
                    { Parameters = { new() { Value = Draft }, new() { Value = "more" }, new() { Value = now }, new() { Value = account } } },
                new NpgsqlBatchCommand("UPDATE inbox SET attempts = attempts + 1, processed_at = $1 WHERE id = $2")
                    { Parameters = { new() { Value = now }, new() { Value = id } } },
                new NpgsqlBatchCommand("INSERT INTO outbox (channel, chat_id, payload, created_at, not_before, state, attempts) VALUES ('Zalo', $1, $2::jsonb, $3, $3, 'Pending', 0)")
                    { Parameters = { new() { Value = chatId }, new() { Value = Reply }, new() { Value = now } } },
            },
        };
        if (commitInBatch) write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await write.ExecuteNonQueryAsync();
        if (!commitInBatch)
        {
            await using var commit = new NpgsqlCommand("COMMIT", conn);
            await commit.ExecuteNonQueryAsync();
        }
    }
}
