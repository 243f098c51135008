using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using YouthMonth.Admin.Apis;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Summaries;

/// <summary>
/// The Word (.docx) and Excel (.xlsx) exports of the compiled report for 10,000 units × 5 weekly periods (the
/// summary benchmark's data), through the admin API's own handlers (what GET /api/exports/summary.docx and
/// /units.xlsx run, without HTTP): time, the process's peak resident memory during the export (VmHWM, reset
/// before each), and what the export allocated on the managed heap. Goal: under 5 s and 500 MB each.
/// </summary>
public sealed class ExportsBenchmark : IBenchmark
{
    public string Name => "exports";
    public string Description => "Compiled report .docx and per-unit .xlsx for 10,000 units × 5 periods: time and peak memory [units=10000] [runs=3]";

    private static readonly DateTimeOffset Now = new(2024, 4, 1, 3, 0, 0, TimeSpan.Zero);

    public async Task<int> RunAsync(string[] args)
    {
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        var units = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        await using var database = await TestDatabase.CreateAsync();
        ReportSeed seed;
        await using (var db = database.CreateDbContext())
            seed = await ReportSeed.CreateAsync(db, units: 0);
        var counts = await SummaryBenchmark.SeedAsync(database, seed, units);
        Console.WriteLine($"Seeded {units:N0} units, {counts.Reports:N0} reports, {counts.Activities:N0} activities, {counts.Values:N0} values");

        var clock = new TestClock(Now);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Photos:Root"] = Path.Combine(Path.GetTempPath(), "ym-bench-photos"),
        }).Build();
        var weeks = seed.Weeks.Select(w => w.Id).ToArray();
        var rows = new List<string>();
        // YM_EXPORTS_SAVE=<folder> keeps each export's file, to compare two versions of the exporter.
        var saveTo = Environment.GetEnvironmentVariable("YM_EXPORTS_SAVE");
        if (!string.IsNullOrEmpty(saveTo)) Directory.CreateDirectory(saveTo);
        foreach (var (scope, periodId) in new[] { ("one period (tuần 5)", (int?)weeks[^1]), ("whole campaign", null) })
        {
            foreach (var (kind, export) in new (string, Func<Task<byte[]>>)[]
                     {
                         (".docx", async () =>
                         {
                             await using var db = database.CreateDbContext();
                             return Bytes((await ExportsApi.ExportDocx(db, clock, config, seed.Campaign.Id, periodId, false, default)).Result);
                         }),
                         (".xlsx", async () =>
                         {
                             await using var db = database.CreateDbContext();
                             return Bytes((await ExportsApi.ExportXlsx(db, clock, seed.Campaign.Id, periodId, default)).Result);
                         }),
                     })
            {
                await export(); // warm-up: JIT, connection pool
                var times = new List<double>();
                long peak = 0, allocated = 0, size = 0, baseline = 0;
                for (var i = 0; i < runs; i++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    // Aggressive: the GC also gives back the memory it keeps committed, so each peak is this export's.
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    ResetPeakRss();
                    baseline = Math.Max(baseline, RssBytes("VmRSS:"));
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    var bytes = await export();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
                    peak = Math.Max(peak, RssBytes("VmHWM:"));
                    size = bytes.Length;
                    if (!string.IsNullOrEmpty(saveTo) && i == 0)
                        await File.WriteAllBytesAsync(Path.Combine(saveTo, $"{(periodId is null ? "campaign" : "period")}{kind}"), bytes);
                }
                times.Sort();
                rows.Add($"| {scope} | {kind} | {size / 1024.0:N0} KB | {times[times.Count / 2] / 1000:F2} s (max {times[^1] / 1000:F2}) | " +
                         $"{peak / 1048576.0:N0} MB | {baseline / 1048576.0:N0} MB | {allocated / 1048576.0:N0} MB |");
                if (periodId is null && kind == ".docx")
                {
                    // Two officers export the same campaign at the same moment: the peaks must not simply add up.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    // Aggressive: the GC also gives back the memory it keeps committed, so each peak is this export's.
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    ResetPeakRss();
                    var start = RssBytes("VmRSS:");
                    var watch = Stopwatch.StartNew();
                    await Task.WhenAll(Task.Run(export), Task.Run(export));
                    rows.Add($"| {scope}, 2 at once | {kind} | {size / 1024.0:N0} KB | {watch.Elapsed.TotalSeconds:F2} s (both) | " +
                             $"{RssBytes("VmHWM:") / 1048576.0:N0} MB | {start / 1048576.0:N0} MB | |");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{units:N0} units × 5 periods; {counts.Reports:N0} reports, {counts.Values:N0} values; median of {runs} runs after a warm-up");
        Console.WriteLine();
        Console.WriteLine("| scope | export | file size | time (median) | process peak RSS | RSS before | managed allocations |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static byte[] Bytes(object result) => result is FileContentHttpResult file
        ? file.FileContents.ToArray()
        : throw new InvalidOperationException($"the export answered {result.GetType().Name}");

    // Linux: writing 5 to clear_refs resets VmHWM to the current RSS, so each export's own peak is measured.
    private static void ResetPeakRss()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A /proc/self/status line in bytes: "VmHWM:" (the peak since the last reset) or "VmRSS:" (now).</summary>
    private static long RssBytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
