using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// The real Bot host (channels, inbox worker, outbox sender, and whatever AddDialogs registers) on a
/// <see cref="TestDatabase"/>. Set <see cref="Settings"/> (e.g. "Telegram:Token"), <see cref="Clock"/>,
/// <see cref="UseEchoHandler"/> or <see cref="TestServices"/> before the first use; <see cref="ListenOnRealPort"/>
/// starts Kestrel on 127.0.0.1 (needed when something outside the process, like the emulator, calls the Bot).
/// Several BotApps may share one database: that is how restarts and two Bot instances are tested.
/// </summary>
public sealed class BotApp(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Configuration on top of the test defaults (fast polling, a temporary photo folder, no Telegram/Zalo).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Messaging:InboxPollIntervalMs"] = "100",
        ["Messaging:OutboxPollIntervalMs"] = "50",
        ["Telegram:PerChatIntervalMs"] = "0",
        ["Telegram:EmptyPollDelayMs"] = "50",
        ["Zalo:PerChatIntervalMs"] = "0",
        ["Zalo:MessagesPerSecond"] = "100",
        ["Zalo:EmptyPollDelayMs"] = "50",
        // The Hangfire server only where a test asks for it (Scheduling:Enabled = true).
        ["Scheduling:Enabled"] = "false",
        // The local chat is off unless enabled explicitly; most channel tests talk through it.
        ["Local:Enabled"] = "true",
    };

    /// <summary>The plan tick every 2 s and the engine polling every second, instead of every minute and 5–15 s.</summary>
    public BotApp WithFastScheduling()
    {
        Settings["Scheduling:TickCron"] = "*/2 * * * * *";
        Settings["Scheduling:SchedulePollingSeconds"] = "1";
        Settings["Scheduling:QueuePollSeconds"] = "1";
        return this;
    }

    /// <summary>A fake clock for the domain (NotBefore, deadlines); null keeps the real clock.</summary>
    public TestClock? Clock { get; set; }

    /// <summary>Replace the dialogs with <see cref="EchoHandler"/> (the channel tests' stand-in).</summary>
    public bool UseEchoHandler { get; set; }

    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>What the host logged (Debug and up).</summary>
    public CapturedLogs Logs { get; } = new();

    public bool ListenOnRealPort { get; set; }

    /// <summary>The port Kestrel listens on when <see cref="ListenOnRealPort"/>; chosen before start.</summary>
    public int Port { get; } = FreePort();

    public string PhotoRoot { get; } = Path.Combine(Path.GetTempPath(), "ym-photos-" + Guid.NewGuid().ToString("N")[..8]);

    private bool _started;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the host (Kestrel on <see cref="Port"/> when asked, otherwise the in-memory test server).</summary>
    public BotApp Start()
    {
        if (_started) return this;
        _started = true;
        if (ListenOnRealPort)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
            StartServer();
        }
        else
        {
            _ = Server;
        }
        return this;
    }

    /// <summary>An HttpClient to the Bot (over the real port when listening on one).</summary>
    public HttpClient Client()
    {
        Start();
        return ListenOnRealPort ? new HttpClient { BaseAddress = BaseAddress } : CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:YouthMonth", Database.ConnectionString);
        builder.UseSetting("Photos:Root", PhotoRoot);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            if (Clock is not null) s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (UseEchoHandler) s.Replace(ServiceDescriptor.Scoped<IMessageHandler, EchoHandler>());
            s.AddSingleton<HandledLog>();
            s.AddHttpClient(Bot.Channels.Telegram.TelegramApi.HttpClientName).AddHttpMessageHandler(() => new EmulatorResponseFix());
            TestServices?.Invoke(s);
        });
    }

    public YouthMonthDb Db() => Database.CreateDbContext();

    /// <summary>Polls the database until <paramref name="query"/> gives a value that passes <paramref name="done"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<YouthMonthDb, Task<T>> query, Func<T, bool> done, int timeoutMs = 30_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            await using var db = Db();
            var value = await query(db);
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Condition not met within {timeoutMs} ms; last value: {value}");
            await Task.Delay(50);
        }
    }

    /// <summary>The texts sent to one chat (outbox rows marked sent), oldest first.</summary>
    public async Task<List<string>> SentTextsAsync(Channel channel, string chatId)
    {
        await using var db = Db();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Channel == channel && o.ChatId == chatId && o.State == OutboxState.Sent)
            .OrderBy(o => o.Id).Select(o => o.Payload).ToListAsync();
        return rows.Select(p => MessageJson.Deserialize<OutgoingMessage>(p).Text).ToList();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(PhotoRoot, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
