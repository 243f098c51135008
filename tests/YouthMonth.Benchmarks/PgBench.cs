using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace YouthMonth.Benchmarks;

/// <summary>PostgreSQL's own single-row insert rate, the reference every benchmark ratio is taken against.</summary>
internal static class PgBench
{
    /// <summary>The figures of one pgbench run; <see cref="Text"/> is pgbench's own tps and latency lines.</summary>
    public sealed record Result(double Tps, double LatencyMs, string Text)
    {
        public override string ToString() => Text;
    }

    /// <summary>
    /// pgbench with a custom script of one-row <c>INSERT … ON CONFLICT DO NOTHING</c> into a copy of the inbox table
    /// (with its indexes), <paramref name="clients"/> clients for <paramref name="seconds"/> seconds, on the given
    /// database. <see cref="Result.Tps"/> is 0 when pgbench failed (its error is in the text).
    /// </summary>
    public static async Task<Result> InboxInsertsAsync(string connectionString, int seconds, int clients)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("DROP TABLE IF EXISTS bench_inbox; CREATE TABLE bench_inbox (LIKE inbox INCLUDING ALL)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, """
            \set k random(1, 2000000000)
            INSERT INTO bench_inbox (channel, update_key, chat_id, payload, received_at, attempts) VALUES ('Telegram', :k || '-' || :client_id, '42', '{"text":"Báo cáo tuần"}', now(), 0) ON CONFLICT DO NOTHING;
            """);
        var pgbench = File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";
        var psi = new ProcessStartInfo(pgbench, ["-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, cs.Database!])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        File.Delete(script);
        var tps = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps", StringComparison.Ordinal));
        var latency = output.Split('\n').FirstOrDefault(l => l.StartsWith("latency average", StringComparison.Ordinal));
        if (tps is null) return new Result(0, 0, $"pgbench failed: {error.Trim()}");
        return new Result(FirstNumber(tps), latency is null ? 0 : FirstNumber(latency), $"{tps.Trim()}; {latency?.Trim()}");
    }

    // "tps = 6387.123456 (without initial connection time)" / "latency average = 2.504 ms"
    private static double FirstNumber(string line)
    {
        var value = line[(line.IndexOf('=') + 1)..].TrimStart();
        var end = value.IndexOf(' ');
        return double.Parse(end < 0 ? value : value[..end], CultureInfo.InvariantCulture);
    }
}
