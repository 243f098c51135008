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

        var pgbench = await PgBenchAsync(host.Database.ConnectionString, seconds, clients);

        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| webhook requests ({clients} concurrent clients, {seconds} s) | {all.Count} (inbox rows: {stored}) |");
        Console.WriteLine($"| webhook throughput | {all.Count / wall.Elapsed.TotalSeconds:F0} updates/s |");
        Console.WriteLine($"| webhook latency p50 / p99 | {Percentile(all, 0.50):F1} ms / {Percentile(all, 0.99):F1} ms |");
        Console.WriteLine($"| pgbench single-row INSERT into a copy of inbox ({clients} clients) | {pgbench} |");
        return stored >= all.Count ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static async Task<string> PgBenchAsync(string connectionString, int seconds, int clients)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE bench_inbox (LIKE inbox INCLUDING ALL)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, """
            \set k random(1, 2000000000)
            INSERT INTO bench_inbox (channel, update_key, chat_id, payload, received_at, attempts) VALUES ('Telegram', :k || '-' || :client_id, '42', '{"text":"Báo cáo tuần"}', now(), 0) ON CONFLICT DO NOTHING;
            """);
        var pgbench = File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";
        var psi = new ProcessStartInfo(pgbench, ["-n", "-f", script, "-c", clients.ToString(), "-j", "2", "-T", seconds.ToString(),
            "-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, cs.Database!])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        File.Delete(script);
        var tps = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps", StringComparison.Ordinal));
        var latency = output.Split('\n').FirstOrDefault(l => l.StartsWith("latency average", StringComparison.Ordinal));
        return tps is null ? $"pgbench failed: {error.Trim()}" : $"{tps.Trim()}; {latency?.Trim()}";
    }
}
