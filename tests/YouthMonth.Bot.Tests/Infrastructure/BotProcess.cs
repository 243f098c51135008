using System.Collections.Concurrent;
using System.Diagnostics;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// The Bot as a real operating-system process (the built YouthMonth.Bot.dll under dotnet) on a
/// <see cref="TestDatabase"/>: what a deployment runs, so it can be stopped with SIGTERM or killed with SIGKILL.
/// Settings go in as environment variables ("Scheduling:TickCron" → Scheduling__TickCron).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _photos = Path.Combine(Path.GetTempPath(), "ym-bot-" + Guid.NewGuid().ToString("N")[..8]);

    public BotProcess(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet", [BotDll])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BotDll)!,
        };
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__YouthMonth"] = database.ConnectionString,
            ["Photos__Root"] = _photos,
            ["Local__Enabled"] = "true",
            ["Messaging__OutboxPollIntervalMs"] = "100",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
            ["Logging__LogLevel__Hangfire"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings) env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in env) info.Environment[key] = value;
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue("stderr: " + e.Data); };
    }

    /// <summary>The Bot built next to this test project (same configuration), not a copy in the test's folder.</summary>
    public static string BotDll { get; } = FindBotDll();

    public int Pid => _process.Id;

    public IReadOnlyList<string> Output => [.. _output];

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process and waits until its recurring jobs are registered (its Hangfire server is up).</summary>
    public async Task<BotProcess> StartAsync(int timeoutMs = 60_000)
    {
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForOutputAsync("Recurring jobs registered", timeoutMs);
        return this;
    }

    public async Task WaitForOutputAsync(string text, int timeoutMs)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The Bot exited ({_process.ExitCode}):\n{string.Join("\n", _output)}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"No \"{text}\" within {timeoutMs} ms:\n{string.Join("\n", _output)}");
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9: no shutdown code runs, connections drop, the Hangfire server's heartbeat stops.</summary>
    public async Task KillAsync()
    {
        using var kill = Process.Start("kill", ["-KILL", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, what systemd sends on stop: the host shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { } // never started
        _process.Dispose();
        try { Directory.Delete(_photos, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static string FindBotDll()
    {
        // tests/YouthMonth.Bot.Tests/bin/<Configuration>/<tfm>/ → src/Bot/bin/<Configuration>/<tfm>/YouthMonth.Bot.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (here.Name, here.Parent!.Name);
        for (var dir = here; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln")))
                return Path.Combine(dir.FullName, "src", "Bot", "bin", configuration, tfm, "YouthMonth.Bot.dll");
        throw new InvalidOperationException("YouthMonth.sln not found");
    }
}
