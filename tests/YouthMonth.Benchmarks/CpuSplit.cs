using System.Globalization;

namespace YouthMonth.Benchmarks;

/// <summary>
/// Where the CPU went while a benchmark's timed part ran: this process (.NET), the PostgreSQL processes, and the
/// whole machine (from /proc), accumulated over the intervals between <see cref="Start"/> and <see cref="Stop"/>.
/// On a 2-core machine this tells whether the turns wait for PostgreSQL, for .NET, or for other people's work.
/// PostgreSQL counts only the backends connected to <paramref name="database"/> (their process title names it),
/// so other databases' work on the same server (tests running beside the benchmark) is not counted as ours.
/// </summary>
internal sealed class CpuSplit(string database)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private (double Self, Dictionary<int, double> Postgres, double Busy, double Total) _at;
    private double _self, _postgres, _busy, _total;
    private (TimeSpan Time, long Methods) _jitAt;
    private TimeSpan _jitTime;
    private long _jitMethods;

    public void Start()
    {
        _at = Read();
        _jitAt = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    }

    public void Stop()
    {
        var now = Read();
        // The JIT's share of this process's CPU: tiered compilation keeps re-compiling hot methods for a while.
        _jitTime += System.Runtime.JitInfo.GetCompilationTime() - _jitAt.Time;
        _jitMethods += System.Runtime.JitInfo.GetCompiledMethodCount() - _jitAt.Methods;
        _self += now.Self - _at.Self;
        // Per backend: one that started in between counts whole; one that ended in between is lost (rare: pooled).
        foreach (var (pid, cpu) in now.Postgres) _postgres += cpu - _at.Postgres.GetValueOrDefault(pid);
        _busy += now.Busy - _at.Busy;
        _total += now.Total - _at.Total;
    }

    /// <summary>CPU seconds of .NET and PostgreSQL, and the share of the machine's cores that was busy.</summary>
    public override string ToString()
    {
        if (!OperatingSystem.IsLinux()) return "CPU split: Linux only";
        var other = Math.Max(0, _busy - _self - _postgres);
        return FormattableString.Invariant(
            $"CPU during the timed turns: .NET {_self:F1} s (of which the JIT {_jitTime.TotalSeconds:F1} s, {_jitMethods} methods), PostgreSQL {_postgres:F1} s, everything else {other:F1} s; machine busy {(_total > 0 ? 100 * _busy / _total : 0):F0} % of {Environment.ProcessorCount} cores");
    }

    /// <summary>Per-turn CPU milliseconds of .NET and PostgreSQL.</summary>
    public string PerTurn(int turns) => turns == 0 ? "" : FormattableString.Invariant(
        $"CPU per turn: .NET {1000 * _self / turns:F2} ms, PostgreSQL {1000 * _postgres / turns:F2} ms");

    private (double Self, Dictionary<int, double> Postgres, double Busy, double Total) Read()
    {
        var postgres = new Dictionary<int, double>();
        if (!OperatingSystem.IsLinux()) return (0, postgres, 0, 0);
        double self = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0])) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // Fields after the name: state is [0], utime [11], stime [12] (stat(5) numbers 14 and 15).
                var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                var pid = int.Parse(name, CultureInfo.InvariantCulture);
                if (pid == Environment.ProcessId) self = cpu;
                else if (comm == "postgres" && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(" " + database + " ", StringComparison.Ordinal))
                    postgres[pid] = cpu;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while it was read.
            }
        }
        // /proc/stat "cpu user nice system idle iowait irq softirq steal …": busy is all but idle and iowait.
        var line = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture) / TicksPerSecond).ToArray();
        var total = line.Take(8).Sum();
        var busy = total - line[3] - line[4];
        return (self, postgres, busy, total);
    }
}
