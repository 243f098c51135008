using System.Diagnostics;
using System.Text;
using Npgsql;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>
/// POST /telegram/webhook throughput and latency (secret check, parse, map, INSERT into the inbox, 200), next to
/// PostgreSQL's own single-row insert rate into a copy of the inbox table measured with pgbench in the same run.
/// Workers are off, so only the ingest path is measured.
/// </summary>
public sealed class WebhookIngestBenchmark : IBenchmark
{
    public string Name => "webhook-ingest";
    public string Description => "Telegram webhook ingest rate and p50/p99 latency vs. pgbench single-row inserts [seconds=15] [clients=16]";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 15;
        var clients = args.Length > 1 ? int.Parse(args[1]) : 16;
        const string secret = "bench_SECRET";
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

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = host.BaseAddress };
        long nextId = 0;
        async Task<double> PostOneAsync()
        {
            var id = Interlocked.Increment(ref nextId);
            var body = $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1700000000,"from":{"id":{{{id % 500}}},"first_name":"Lan"},"chat":{"id":{{{id % 500}}},"type":"private"},"text":"Báo cáo tuần {{{id}}}: 120 lượt đoàn viên tham gia"}}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        // Warm-up: JIT, connection pools.
        for (var i = 0; i < 200; i++) await PostOneAsync();

        var latencies = new List<double>[clients];
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (Stopwatch.GetTimestamp() < until) mine.Add(await PostOneAsync());
        })));
        wall.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        var stored = await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox");

        var pgbench = await PgBench.InboxInsertsAsync(host.Database.ConnectionString, seconds, clients);

        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| webhook requests ({clients} concurrent clients, {seconds} s) | {all.Count} (inbox rows: {stored}) |");
        Console.WriteLine($"| webhook throughput | {all.Count / wall.Elapsed.TotalSeconds:F0} updates/s |");
        Console.WriteLine($"| webhook latency p50 / p99 | {Percentile(all, 0.50):F1} ms / {Percentile(all, 0.99):F1} ms |");
        Console.WriteLine($"| pgbench single-row INSERT into a copy of inbox ({clients} clients) | {pgbench} |");
        return stored >= all.Count ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
