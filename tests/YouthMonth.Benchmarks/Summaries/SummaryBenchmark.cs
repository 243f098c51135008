using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Summaries;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Summaries;

/// <summary>
/// /summary text and the JSON summary over 10,000 units × 5 weekly periods (about 85 % reported, three activities
/// with three numbers each per submitted report), next to the plain SQL aggregate of the same totals measured in
/// the same run. Target: under 500 ms and within 3× the raw SQL time.
/// </summary>
public sealed class SummaryBenchmark : IBenchmark
{
    public string Name => "summary";
    public string Description => "/summary and JSON summary, 10,000 units × 5 periods, vs raw SQL aggregate";

    private static readonly DateTimeOffset Now = new(2024, 4, 1, 3, 0, 0, TimeSpan.Zero);

    public async Task<int> RunAsync(string[] args)
    {
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        // --keep leaves the database in place (its name is printed) for EXPLAIN ANALYZE afterwards.
        var keep = args.Contains("--keep");
        args = [.. args.Where(a => a != "--keep")];
        var database = await TestDatabase.CreateAsync();
        try
        {
            return await RunOnAsync(database, args);
        }
        finally
        {
            if (keep) Console.WriteLine($"Database kept: {database.Name}");
            else await database.DisposeAsync();
        }
    }

    private static async Task<int> RunOnAsync(TestDatabase database, string[] args)
    {
        var units = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;

        var seedWatch = Stopwatch.StartNew();
        ReportSeed seed;
        await using (var db = database.CreateDbContext())
            seed = await ReportSeed.CreateAsync(db, units: 0);
        var counts = await SeedAsync(database, seed, units);
        Console.WriteLine($"Seeded {units:N0} units, {counts.Reports:N0} reports, {counts.Activities:N0} activities, {counts.Values:N0} values in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var weeks = seed.Weeks.Select(w => w.Id).ToArray();
        var rows = new List<string>();
        foreach (var (label, periods, argument) in new[]
                 {
                     ("one period (tuần 5)", new[] { weeks[^1] }, "tuần 5"),
                     ("whole campaign (toàn đợt)", weeks, "toàn đợt"),
                 })
        {
            // The baseline: the totals every summary must compute, in the plainest SQL — per-metric sums of the values
            // of the counted reports (Submitted/NoActivity) of the scope's periods and of the organisation's active
            // units. It leaves out what only changes numbers when present (a report-wide value replacing per-activity
            // ones, a final report replacing the weeks): this data has neither, so both give the same totals (checked below).
            var rawTotals = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var raw = await TimeAsync(runs, async () =>
            {
                await using var conn = await database.DataSource.OpenConnectionAsync();
                await using var cmd = new NpgsqlCommand("""
                    SELECT v.metric_code, sum(v.value) FROM report_values v
                    JOIN reports r ON r.id = v.report_id
                    JOIN units u ON u.id = r.unit_id
                    WHERE r.period_id = ANY(@p) AND r.status IN ('Submitted','NoActivity') AND u.organisation_id = @org AND u.active
                    GROUP BY v.metric_code
                    """, conn);
                cmd.Parameters.AddWithValue("p", periods);
                cmd.Parameters.AddWithValue("org", seed.Organisation.Id);
                await using var reader = await cmd.ExecuteReaderAsync();
                rawTotals.Clear();
                while (await reader.ReadAsync()) rawTotals[reader.GetString(0)] = reader.GetDecimal(1);
            });
            var json = await TimeAsync(runs, async () =>
            {
                await using var db = database.CreateDbContext();
                var summary = await SummaryQuery.ComputeAsync(db, seed.Campaign.Id, periods.Length == 1 ? periods[0] : null, Now);
                _ = JsonSerializer.SerializeToUtf8Bytes(summary, JsonOptions);
            });
            // The same summary on one connection (what it did before 2026-12-07, and still does inside a transaction
            // that may have written reports): every statement after the other.
            var sequential = await TimeAsync(runs, async () =>
            {
                await using var db = database.CreateDbContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                var summary = await SummaryQuery.ComputeAsync(db, seed.Campaign.Id, periods.Length == 1 ? periods[0] : null, Now);
                _ = JsonSerializer.SerializeToUtf8Bytes(summary, JsonOptions);
            });
            var chat = await TimeAsync(runs, async () =>
            {
                await using var db = database.CreateDbContext();
                var account = await db.ChatAccounts.SingleAsync(a => a.ChatId == seed.LeaderChatId);
                var conversation = new Conversation(db, account, new IncomingMessage
                {
                    Channel = Channel.Telegram, ChatId = seed.LeaderChatId, ChatType = ChatType.Group, Text = "/tonghop " + argument,
                    Command = "tonghop", CommandArgs = argument,
                }, Now);
                await new SummaryCommand().HandleAsync(conversation, argument, default);
                if (conversation.Replies.Count == 0) throw new InvalidOperationException("no answer");
            });
            await using (var probeDb = database.CreateDbContext())
            {
                var computed = (await SummaryQuery.ComputeAsync(probeDb, seed.Campaign.Id, periods.Length == 1 ? periods[0] : null, Now))!;
                var summaryTotals = computed.Totals.Where(t => t.Value != 0).ToDictionary(t => t.Code, t => t.Value, StringComparer.Ordinal);
                if (rawTotals.Count == 0 || !rawTotals.Where(t => t.Value != 0).OrderBy(t => t.Key, StringComparer.Ordinal)
                        .SequenceEqual(summaryTotals.OrderBy(t => t.Key, StringComparer.Ordinal)))
                    throw new InvalidOperationException($"{label}: the summary's totals differ from the raw SQL aggregate");
                var render = await TimeAsync(runs, () => { _ = SummaryText.Messages(computed, 4096); return Task.CompletedTask; });
                var serialise = await TimeAsync(runs, () => { _ = JsonSerializer.SerializeToUtf8Bytes(computed, JsonOptions); return Task.CompletedTask; });
                Console.WriteLine($"{label}: rendering the chat text {render.Median:F2} ms, serialising JSON {serialise.Median:F2} ms");
            }
            rows.Add($"| {label} | {raw.Median:F1} ms | {json.Median:F1} ms (p95 {json.P95:F1}) | {chat.Median:F1} ms (p95 {chat.P95:F1}) | " +
                     $"{json.Median / raw.Median:F1}× / {chat.Median / raw.Median:F1}× | {sequential.Median:F1} ms ({sequential.Median / raw.Median:F1}×) |");
        }

        Console.WriteLine();
        Console.WriteLine($"{units:N0} units × 5 periods; {counts.Reports:N0} reports, {counts.Values:N0} values; median of {runs} runs after 3 warm-ups");
        Console.WriteLine();
        Console.WriteLine("| scope | raw SQL aggregate | JSON summary | /summary text | ratio to raw SQL (JSON / text) | JSON on one connection (ratio) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    // No client-side timeout: on a loaded machine seeding 10,000 units takes longer than Npgsql's default 30 s.
    private static async Task ExecAsync(TestDatabase database, string sql)
    {
        await using var cmd = database.DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<(double Median, double P95)> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 3; i++) await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    /// <summary>The benchmark data (also the exports benchmark's): 10,000 units × 5 weeks, see the class summary.</summary>
    internal static async Task<(long Reports, long Activities, long Values)> SeedAsync(TestDatabase database, ReportSeed seed, int units)
    {
        var org = seed.Organisation.Id;
        var campaign = seed.Campaign.Id;
        await ExecAsync(database, $"""
            SELECT setseed(0.42);
            DELETE FROM periods WHERE campaign_id = {campaign} AND kind = 'Final';
            INSERT INTO units (organisation_id, name, kind, cluster, member_count, active)
            SELECT {org}, 'Đoàn cơ sở số ' || lpad(g::text, 5, '0'), 'DoanCoSo', 'Cụm ' || (g % 40 + 1), 40 + g % 60, true
            FROM generate_series(1, {units}) g;
            INSERT INTO reports (period_id, unit_id, status, created_at, submitted_at, is_late, review)
            SELECT p.id, u.id, CASE WHEN random() < 0.06 THEN 'NoActivity' ELSE 'Submitted' END, p.deadline_utc - interval '2 days',
                   p.deadline_utc - interval '3 hours', random() < 0.1, 'Pending'
            FROM periods p CROSS JOIN units u
            WHERE p.campaign_id = {campaign} AND u.organisation_id = {org} AND random() < 0.85;
            INSERT INTO report_activities (report_id, title, category, date, links, sort_order)
            SELECT r.id, 'Hoạt động ' || g, (ARRAY['an_sinh','tuyen_truyen','van_hoa','xay_dung_doan'])[1 + (r.id + g) % 4],
                   DATE '2024-03-01' + (r.id % 28), ARRAY[]::text[], g
            FROM reports r CROSS JOIN generate_series(1, 3) g WHERE r.status = 'Submitted';
            INSERT INTO report_values (report_id, report_activity_id, metric_code, value, approximate)
            SELECT a.report_id, a.id, m.code, floor(random() * m.top), false
            FROM report_activities a CROSS JOIN (VALUES ('participants', 400), ('trees', 20), ('gifts', 50)) m(code, top);
            INSERT INTO photos (sha256, content_type, size_bytes, storage_path, telegram_file_id, created_at)
            VALUES (repeat('a', 64), 'image/jpeg', 1000, 'aa/bench.jpg', 'AgAD-bench', now());
            INSERT INTO report_photos (report_activity_id, photo_id, sort_order)
            SELECT a.id, (SELECT id FROM photos LIMIT 1), 1 FROM report_activities a WHERE a.id % 50 = 0;
            """);
        // As autovacuum would have done before anyone asks for a summary: statistics and the visibility map (which
        // index-only scans rely on). VACUUM cannot run in the seeding statement's implicit transaction.
        await ExecAsync(database, "VACUUM ANALYZE units, reports, report_activities, report_values, report_photos, photos");
        return (await database.ScalarAsync<long>("SELECT count(*) FROM reports"),
            await database.ScalarAsync<long>("SELECT count(*) FROM report_activities"),
            await database.ScalarAsync<long>("SELECT count(*) FROM report_values"));
    }
}
