using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Core;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Dialogs;

/// <summary>
/// Dialog turns per second through the real ChatProcessor (advisory lock, dialog, state, report writes, outbox in
/// one transaction): N secretaries each send a whole weekly report (11 messages) at once, the way a Friday-morning
/// deadline looks, handled by 1 and by 4 concurrent workers.
/// </summary>
public sealed class DialogTurnsBenchmark : IBenchmark
{
    public string Name => "dialog-turns";
    public string Description => "Weekly-report dialog turns/s through ChatProcessor with 1 and 4 workers [chats=200] [workers=1,4]";

    /// <summary>A secretary's whole weekly report, one message each; "(photo)" stands for a photo message.</summary>
    internal static readonly string[] Script =
        ["/baocao", "1", "Hoạt động khác", "Tọa đàm kỹ năng số", "8", "04/3", "60", "Tọa đàm cho 60 đoàn viên.", "(photo)", "không", "1"];

    public async Task<int> RunAsync(string[] args)
    {
        var chats = args.Length > 0 ? int.Parse(args[0]) : 200;
        var rows = new List<string>();
        var cpuLines = new List<string>();
        double turnsPerSecondAt4 = 0;
        var workerCounts = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [1, 4];
        foreach (var workers in workerCounts)
        {
            await using var database = await TestDatabase.CreateAsync();
            var plan = await TestPlan.SeedAsync(database);
            var (allChats, photoId) = await SeedChatsAsync(database, plan, WarmUpChats + chats);
            await using var provider = TurnServices.Build(database.ConnectionString, new TestClock(TestPlan.Local(2024, 3, 5, 9, 0)));
            var processor = provider.GetRequiredService<ChatProcessor>();
            // A Bot runs for weeks: the JIT's tiers, EF's model and compiled queries and the prepared statements
            // are warm long before a Friday deadline. The timed part measures that steady state, not start-up.
            // Rounds of 25 chats' whole reports until a round leaves the JIT almost nothing to compile.
            var warmUpRounds = 0;
            while (warmUpRounds < WarmUpChats / 25)
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                foreach (var line in Script)
                {
                    await StoreAsync(provider, allChats.Skip(25 * warmUpRounds).Take(25), line, photoId);
                    await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => processor.ProcessAllAsync())));
                }
                warmUpRounds++;
                if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 50) break;
            }
            var warmUpChats = 25 * warmUpRounds;
            var chatIds = allChats.Skip(WarmUpChats).ToList();
            Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] warm after {25 * warmUpRounds} chats; timed part with {workers} worker(s) starts");

            var latencies = new List<double>[workers];
            for (var w = 0; w < workers; w++) latencies[w] = [];
            using var commands = new CommandCounter();
            var wall = new Stopwatch();
            var cpu = new CpuSplit(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database!);
            foreach (var line in Script)
            {
                await StoreAsync(provider, chatIds, line, photoId);
                commands.Counting = true;
                cpu.Start();
                wall.Start();
                await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
                {
                    // One call is one turn (claim, lock, handle, commit); the last call finds nothing free and ends.
                    while (true)
                    {
                        var start = Stopwatch.GetTimestamp();
                        if (!await processor.ProcessNextAsync()) break;
                        latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        if (Environment.GetEnvironmentVariable("YM_TRACE") == "1") Console.WriteLine("---- turn end");
                    }
                })));
                wall.Stop();
                cpu.Stop();
                commands.Counting = false;
            }
            var reports = await database.ScalarAsync<long>($"SELECT count(*) FROM reports WHERE status = '{ReportStatus.Submitted}'");
            var turns = chats * Script.Length;
            var all = latencies.SelectMany(l => l).Order().ToList();
            var rate = turns / wall.Elapsed.TotalSeconds;
            if (workers == 4) turnsPerSecondAt4 = rate;
            cpuLines.Add($"{workers} worker(s), after {warmUpChats} warm-up chats: {cpu}; {cpu.PerTurn(turns)}");
            rows.Add($"| {workers} | {chats} | {turns} | {wall.Elapsed.TotalSeconds:F1} | {rate:F0} | {Percentiles.Of(all, 0.50):F1} / {Percentiles.Of(all, 0.99):F1} ms | {(double)commands.Count / turns:F1} | {reports} |");
            if (reports != warmUpChats + chats) { Console.Error.WriteLine($"expected {warmUpChats + chats} reports, found {reports}"); return 1; }
            if (all.Count != turns) { Console.Error.WriteLine($"expected {turns} turns, timed {all.Count}"); return 1; }
        }

        // PostgreSQL's own rate on this machine right now, with as many clients as the dialog had workers.
        await using var reference = await TestDatabase.CreateAsync();
        var pgbench = await PgBench.InboxInsertsAsync(reference.ConnectionString, 15, 4);

        Console.WriteLine("| workers | chats | turns | seconds | turns/s | p50 / p99 per turn | SQL commands per turn | reports written (with the warm-up chats') |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        foreach (var line in cpuLines) Console.WriteLine(line);
        Console.WriteLine();
        Console.WriteLine($"pgbench single-row INSERT into a copy of inbox (4 clients, 15 s): {pgbench}");
        Console.WriteLine($"ratio turns/s with 4 workers / pgbench inserts/s: {(pgbench.Tps > 0 ? turnsPerSecondAt4 / pgbench.Tps : 0):F3}");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>At most this many chats' whole reports are handled before the timed part, to warm the process up.</summary>
    private const int WarmUpChats = 500;

    private static async Task StoreAsync(IServiceProvider provider, IEnumerable<string> chatIds, string line, int photoId)
    {
        await using var scope = provider.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
        foreach (var chatId in chatIds) await inbox.StoreAsync(Guid.NewGuid().ToString("N"), Message(chatId, line, photoId));
    }

    /// <summary>
    /// Counts the SQL commands Npgsql executes (its tracing activities; a batch is one), i.e. the round trips of a
    /// turn apart from the commit.
    /// </summary>
    private sealed class CommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private long _count;
        public volatile bool Counting;
        public long Count => Interlocked.Read(ref _count);

        public CommandCounter()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = _ => { if (Counting) Interlocked.Increment(ref _count); },
                ActivityStopped = a => { if (Counting && Environment.GetEnvironmentVariable("YM_TRACE") == "1") Console.WriteLine("SQL: " + string.Join(" ", (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName)?.ToString()?.Split((char[])['\n','\r'], StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim()) ?? [])); },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Dispose() => _listener.Dispose();
    }

    private static IncomingMessage Message(string chatId, string line, int photoId)
    {
        var m = new IncomingMessage { Channel = Channel.Zalo, ChatId = chatId, UserId = chatId, SentAt = DateTimeOffset.UtcNow };
        if (line == "(photo)") return m with { Photos = [new IncomingPhoto { Url = "https://example.vn/a.jpg", StoredPhotoId = photoId }] };
        return CommandText.TryParse(line, null, out var cmd, out var a, out _) ? m with { Text = line, Command = cmd, CommandArgs = a } : m with { Text = line };
    }

    private static async Task<(List<string> ChatIds, int PhotoId)> SeedChatsAsync(TestDatabase database, TestPlan plan, int count)
    {
        var ids = await SeedSecretariesAsync(database, plan, count);
        await using var db = database.CreateDbContext();
        var photo = new Photo { Sha256 = new string('a', 64), ContentType = "image/jpeg", StoragePath = "bench/a.jpg", CreatedAt = DateTimeOffset.UtcNow };
        db.Photos.Add(photo);
        await db.SaveChangesAsync();
        return (ids, photo.Id);
    }

    /// <summary>N secretaries, each of a unit of their own in the test plan's organisation, bound to a Zalo chat "bench-{id}".</summary>
    internal static async Task<List<string>> SeedSecretariesAsync(TestDatabase database, TestPlan plan, int count)
    {
        await using var db = database.CreateDbContext();
        var orgId = await db.Units.Where(u => u.Id == plan.Units[0]).Select(u => u.OrganisationId).SingleAsync();
        var contacts = Enumerable.Range(1, count).Select(i => new Contact
        {
            Name = $"Bí thư {i}", Unit = new Unit { Name = $"Chi đoàn thử {i}", OrganisationId = orgId },
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        db.ChatAccounts.AddRange(contacts.Select(c => new ChatAccount { Channel = Channel.Zalo, ChatId = $"bench-{c.Id}", ContactId = c.Id, CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return contacts.Select(c => $"bench-{c.Id}").ToList();
    }
}
