using System.Diagnostics;
using System.Text;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>
/// POST /telegram/webhook throughput and latency (secret check, parse, map, INSERT into the inbox, 200), next to
/// PostgreSQL's own single-row insert rate into a copy of the inbox table measured with pgbench in the same run.
/// Workers are off, so only the ingest path is measured.
/// </summary>
public sealed class WebhookIngestBenchmark : IBenchmark
{
    public string Name => "webhook-ingest";
    public string Description => "Telegram webhook ingest rate (saturation and a fixed rate), latency, memory vs. pgbench single-row inserts [seconds=15] [clients=16] [rate=1000]";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 15;
        var clients = args.Length > 1 ? int.Parse(args[1]) : 16;
        var rate = args.Length > 2 ? int.Parse(args[2]) : 1000;
        const string secret = "bench_SECRET";
        using var memory = MemorySampler.Start();
        await using var api = await BenchFakeApi.StartAsync(_ => (200, """{"ok":true,"result":{"id":1,"username":"BenchBot"}}"""));
        await using var host = await BenchHost.StartAsync(new()
        {
            ["Telegram:Token"] = "999:BENCH",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = secret,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Messaging:InboxWorkers"] = "0",
            ["Messaging:OutboxWorkers"] = "0",
        });

        // Telegram opens at most max_connections (default 40) at once; the fixed-rate phase uses as many.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 40) }) { BaseAddress = host.BaseAddress };
        long nextId = 0;
        async Task PostOneAsync()
        {
            var id = Interlocked.Increment(ref nextId);
            var body = $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1700000000,"from":{"id":{{{id % 500}}},"first_name":"Lan"},"chat":{"id":{{{id % 500}}},"type":"private"},"text":"Báo cáo tuần {{{id}}}: 120 lượt đoàn viên tham gia"}}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        // Warm-up: JIT, connection pools.
        for (var i = 0; i < 200; i++) await PostOneAsync();

        // 1. Saturation: `clients` closed-loop clients, each posting the next update as soon as the last one is answered.
        var latencies = new List<double>[clients];
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await PostOneAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        wall.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();

        // 2. Fixed rate (open loop): update i is due at start + i / rate and its latency counts from that moment,
        // so a stall shows up in the p99 instead of silently lowering the rate.
        var fixedLatencies = await FixedRateAsync(PostOneAsync, rate, seconds);
        var stored = await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox");
        var posted = Interlocked.Read(ref nextId);
        var (peakRss, hwm, gcHeap) = memory.Stop();

        var pgbench = await PgBench.InboxInsertsAsync(host.Database.ConnectionString, seconds, clients);
        var tps = pgbench.Tps;
        var throughput = all.Count / wall.Elapsed.TotalSeconds;

        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| webhook requests ({clients} concurrent clients, {seconds} s) | {all.Count} |");
        Console.WriteLine($"| webhook throughput (saturation) | {throughput:F0} updates/s |");
        Console.WriteLine($"| webhook latency p50 / p99 (saturation) | {Percentiles.Of(all, 0.50):F1} ms / {Percentiles.Of(all, 0.99):F1} ms |");
        Console.WriteLine($"| fixed rate {rate}/s for {seconds} s: requests, p50 / p99 / max from due time | {fixedLatencies.Count}, {Percentiles.Of(fixedLatencies, 0.50):F1} ms / {Percentiles.Of(fixedLatencies, 0.99):F1} ms / {fixedLatencies.LastOrDefault():F1} ms |");
        Console.WriteLine($"| updates posted / inbox rows | {posted} / {stored} |");
        Console.WriteLine($"| pgbench single-row INSERT into a copy of inbox ({clients} clients) | {pgbench} |");
        Console.WriteLine($"| ratio webhook / pgbench | {(tps > 0 ? throughput / tps : 0):F2} |");
        Console.WriteLine($"| memory of the benchmark process (Bot host + load generator): peak VmRSS sampled / VmHWM / GC heap at end | {peakRss / 1048576.0:F0} MB / {hwm / 1048576.0:F0} MB / {gcHeap / 1048576.0:F0} MB |");
        return stored == posted ? 0 : 1;
    }

    private static async Task<List<double>> FixedRateAsync(Func<Task> post, int rate, int seconds)
    {
        var total = rate * seconds;
        var results = new double[total];
        var inFlight = new List<Task>(total);
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < total;)
        {
            var now = Stopwatch.GetTimestamp();
            // Everything due by now goes out; the timer's ~1 ms granularity makes small bursts, as real traffic has.
            for (; i < total && t0 + (long)((double)i * Stopwatch.Frequency / rate) <= now; i++)
            {
                var due = t0 + (long)((double)i * Stopwatch.Frequency / rate);
                var slot = i;
                inFlight.Add(Task.Run(async () =>
                {
                    await post();
                    results[slot] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        return results.Order().ToList();
    }

}

/// <summary>Samples this process's resident memory (/proc/self/status) every 100 ms while a benchmark runs.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _peak;

    public static MemorySampler Start()
    {
        var s = new MemorySampler();
        s._loop = Task.Run(async () =>
        {
            while (!s._stop.IsCancellationRequested)
            {
                s._peak = Math.Max(s._peak, Read("VmRSS:"));
                await Task.Delay(100).ConfigureAwait(false);
            }
        });
        return s;
    }

    /// <summary>Peak sampled VmRSS, the kernel's high-water mark VmHWM, and the GC heap, in bytes.</summary>
    public (long PeakRss, long Hwm, long GcHeap) Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        return (Math.Max(_peak, Read("VmRSS:")), Read("VmHWM:"), GC.GetTotalMemory(false));
    }

    private static long Read(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException) { return 0; }
    }

    public void Dispose() => _stop.Dispose();
}
