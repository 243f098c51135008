using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Messaging;

/// <summary>
/// A real Bot process (the published dll, not an in-process host) is SIGKILLed three times while 200 Telegram
/// updates arrive and are answered; each time a new process takes over. Nothing may be lost or handled twice; the
/// duplicates the platform sees are counted per crash (docs/channels.md, "Crashes").
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "crash-secret";
    private const int Messages = 200, OutboxWorkers = 4;
    private static readonly int[] KillAfterSends = [30, 90, 150];

    private TestDatabase _db = null!;
    private FakeApi _telegram = null!;
    private readonly string _photos = Path.Combine(Path.GetTempPath(), "ym-crash-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _telegram = await FakeApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _db.DisposeAsync();
        try { Directory.Delete(_photos, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private sealed class BotProcess(Process process, int port, StringBuilder log) : IDisposable
    {
        public Process Process { get; } = process;
        public string Url { get; } = $"http://127.0.0.1:{port}";
        public string Log { get { lock (log) return log.ToString(); } }
        public void Kill() => Process.Kill(); // SIGKILL on Linux: no shutdown, no flush, no commit
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill();
            Process.Dispose();
        }
    }

    private BotProcess StartBot()
    {
        var port = FreePort();
        var dll = Path.Combine(RepoRoot(), "src", "Bot", "bin", "Release", "net10.0", "YouthMonth.Bot.dll");
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ConnectionStrings__YouthMonth"] = _db.ConnectionString;
        psi.Environment["Telegram__Token"] = "4242:CRASH";
        psi.Environment["Telegram__Mode"] = "Webhook";
        psi.Environment["Telegram__WebhookSecret"] = Secret;
        psi.Environment["Telegram__ApiBaseUrl"] = _telegram.BaseUrl;
        psi.Environment["Messaging__OutboxWorkers"] = OutboxWorkers.ToString();
        psi.Environment["Scheduling__Enabled"] = "false";
        psi.Environment["Photos__Root"] = _photos;
        var log = new StringBuilder();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, port, log);
    }

    private static string Update(int i) => $$$"""
        {"update_id":{{{700000 + i}}},"message":{"message_id":{{{i}}},"date":1700000000,
         "from":{"id":{{{880000 + i}}},"is_bot":false,"first_name":"Lan {{{i}}}"},
         "chat":{"id":{{{880000 + i}}},"type":"private","first_name":"Lan {{{i}}}"},"text":"xin chào {{{i}}}"}}
        """;

    [Fact]
    public async Task A_bot_killed_three_times_mid_burst_loses_nothing_handles_nothing_twice_and_counts_its_duplicates()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var bots = new List<BotProcess> { StartBot() };
        var current = bots[0];
        var delivered = new ConcurrentDictionary<int, bool>();
        var posting = Task.WhenAll(Partitioned(Enumerable.Range(1, Messages), 8, async i =>
        {
            // Like Telegram: an update without a 200 is delivered again, to whichever process listens then.
            while (true)
            {
                try
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, current.Url + "/telegram/webhook")
                    {
                        Content = new StringContent(Update(i), Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
                    using var response = await http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK) { delivered[i] = true; return; }
                    Assert.True((int)response.StatusCode >= 500, $"update {i}: {response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(100);
            }
        }));

        try
        {
            var sendsAtKill = new List<int>();
            foreach (var threshold in KillAfterSends)
            {
                var until = DateTime.UtcNow.AddSeconds(120);
                while (Sends().Count < threshold)
                {
                    if (DateTime.UtcNow > until) Assert.Fail($"only {Sends().Count} sends before kill at {threshold}; log:\n{current.Log}");
                    if (current.Process.HasExited) Assert.Fail("the Bot exited by itself:\n" + current.Log);
                    await Task.Delay(2);
                }
                current.Kill();
                await current.Process.WaitForExitAsync();
                sendsAtKill.Add(Sends().Count);
                current = StartBot();
                bots.Add(current);
            }

            await posting.WaitAsync(TimeSpan.FromSeconds(120));
            await using (var db = _db.CreateDbContext())
            {
                var until = DateTime.UtcNow.AddSeconds(120);
                while (await db.Inbox.CountAsync(r => r.ProcessedAt == null) > 0 || await db.Outbox.CountAsync(o => o.State == OutboxState.Pending) > 0
                       || await db.Inbox.CountAsync() < Messages)
                {
                    if (DateTime.UtcNow > until) Assert.Fail("the last Bot did not finish; log:\n" + current.Log);
                    await Task.Delay(200);
                }
            }

            await using var check = _db.CreateDbContext();
            // Nothing lost, nothing handled twice: one inbox row per update, each handled once, nothing dead-lettered.
            var inbox = await check.Inbox.AsNoTracking().ToListAsync();
            Assert.Equal(Messages, inbox.Count);
            Assert.All(inbox, r => Assert.True(r.ProcessedAt is not null && r.DeadLetteredAt is null && r.Attempts == 1, $"inbox {r.Id}: {r.Attempts} {r.LastError}"));
            var rows = await check.Outbox.AsNoTracking().ToListAsync();
            Assert.All(rows, o => Assert.Equal(OutboxState.Sent, o.State));
            var rowsPerChat = rows.GroupBy(o => o.ChatId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Messages, rowsPerChat.Count);

            // At the platform: every reply arrived; a reply arriving more than once is a duplicate.
            var sends = Sends();
            var sendsPerChat = sends.GroupBy(c => c.Body.GetProperty("chat_id").ToString()).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(rowsPerChat, kv => Assert.True(sendsPerChat.GetValueOrDefault(kv.Key) >= kv.Value, $"chat {kv.Key} missed a reply"));
            var duplicates = sendsPerChat.Sum(kv => kv.Value - rowsPerChat.GetValueOrDefault(kv.Key));
            output.WriteLine($"{Messages} updates, {rows.Count} replies, {KillAfterSends.Length} SIGKILLs at sends {string.Join("/", sendsAtKill)}, " +
                             $"{sends.Count} sendMessage calls, duplicates {duplicates} ({(double)duplicates / KillAfterSends.Length:F2} per crash; " +
                             $"at most {OutboxWorkers} per crash = the senders in flight)");
            Assert.InRange(duplicates, 0, KillAfterSends.Length * OutboxWorkers);
        }
        finally
        {
            foreach (var bot in bots) bot.Dispose();
        }
    }

    private List<FakeApi.Call> Sends() => _telegram.CallsTo("sendMessage").ToList();

    private static IEnumerable<Task> Partitioned<T>(IEnumerable<T> items, int parallel, Func<T, Task> body)
    {
        var queue = new ConcurrentQueue<T>(items);
        return Enumerable.Range(0, parallel).Select(async _ =>
        {
            while (queue.TryDequeue(out var item)) await body(item);
        });
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln"))) return dir.FullName;
        throw new InvalidOperationException("YouthMonth.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
