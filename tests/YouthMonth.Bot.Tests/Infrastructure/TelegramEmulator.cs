using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// telegram-test-api 4.2.1 started with node on a free 127.0.0.1 port, once per test collection
/// ([Collection(TelegramEmulatorCollection.Name)]). Installed by scripts/test-deps.sh (run here if missing).
/// Use a fresh <see cref="NewToken"/> per test: the emulator keeps everything per token. The user side
/// (sending messages, pressing buttons, reading the bot's replies) is its client API, not Telegram's.
/// </summary>
public sealed class TelegramEmulator : IAsyncLifetime
{
    private Process? _node;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    public string BaseUrl { get; private set; } = "";

    public static string NewToken() => $"{Random.Shared.Next(100_000, 999_999)}:TEST{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        var dir = Path.Combine(root, "tests", "telegram-emulator");
        if (!File.Exists(Path.Combine(dir, "node_modules", "telegram-test-api", "package.json")))
            await RunAsync("bash", Path.Combine(root, "scripts", "test-deps.sh"), root);

        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var psi = new ProcessStartInfo("node", ["start.js", port.ToString(), "120"])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // the emulator exits when this test process goes away
        };
        _node = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var line = await _node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
            throw new InvalidOperationException($"Telegram emulator did not start: {line} {await _node.StandardError.ReadToEndAsync()}");
        _ = DrainAsync(_node.StandardOutput);
        _ = DrainAsync(_node.StandardError);
        BaseUrl = $"http://127.0.0.1:{port}";
        await WarmUpAsync();
    }

    /// <summary>
    /// The first message through a Bot host in a test process pays for JIT and EF Core query compilation on every
    /// step (poll, inbox, getFile, dialogs, outbox, sendMessage): at load average 32 it took 19 s, the next one 0.9 s
    /// (2026-12-06). Whichever test ran first timed that cold path against a per-message wait and failed under load.
    /// It is paid here, once per collection and without a tight limit, so the tests' waits time the warm path.
    /// </summary>
    private async Task WarmUpAsync()
    {
        await using var database = await Testing.TestDatabase.CreateAsync();
        var token = NewToken();
        await using var app = new BotApp(database) { UseEchoHandler = true };
        app.Settings["Telegram:Token"] = token;
        app.Settings["Telegram:ApiBaseUrl"] = BaseUrl;
        app.Settings["Telegram:Mode"] = "Polling";
        app.Start();
        await app.Services.GetRequiredService<Bot.Channels.Telegram.TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromMinutes(2));
        await SendPhotoAsync(token, 1, "warm-up", "warm-up"); // an unknown file: getFile's 400 path
        await SendTextAsync(token, 1, "chọn"); // the echo handler answers with buttons
        var offer = (await WaitForBotMessagesAsync(token, 1, count: 2, timeoutMs: 120_000))[1];
        await PressAsync(token, 1, offer.GetProperty("messageId").GetInt64(), "c:no");
        await WaitForBotMessagesAsync(token, 1, timeoutMs: 120_000);
    }

    public Task SendTextAsync(string token, long chatId, string text, string chatType = "private", long? userId = null) =>
        PostAsync("/sendMessage", new Dictionary<string, object>
        {
            ["botToken"] = token, ["from"] = User(userId ?? Math.Abs(chatId)), ["chat"] = Chat(chatId, chatType),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
        });

    /// <summary>A photo message (two sizes); the bot can download it only after <see cref="AddFileAsync"/>.</summary>
    public Task SendPhotoAsync(string token, long chatId, string fileId, string? caption = null) =>
        PostAsync("/sendMessage", new Dictionary<string, object?>
        {
            ["botToken"] = token, ["from"] = User(Math.Abs(chatId)), ["chat"] = Chat(chatId, "private"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["caption"] = caption,
            ["photo"] = new[]
            {
                new { file_id = fileId + "-small", file_unique_id = "s", width = 90, height = 67, file_size = 1200 },
                new { file_id = fileId, file_unique_id = "b", width = 1280, height = 960, file_size = 150000 },
            },
        });

    /// <summary>Makes a file downloadable through the emulator's getFile and /file route (a user's photo).</summary>
    public Task AddFileAsync(string fileId, byte[] bytes) =>
        PostAsync("/test/files", new Dictionary<string, object> { ["fileId"] = fileId, ["base64"] = Convert.ToBase64String(bytes) });

    public Task SendCommandAsync(string token, long chatId, string command, string chatType = "private", long? userId = null) =>
        PostAsync("/sendCommand", new Dictionary<string, object>
        {
            ["botToken"] = token, ["from"] = User(userId ?? Math.Abs(chatId)), ["chat"] = Chat(chatId, chatType),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = command,
            ["entities"] = new[] { new { offset = 0, length = command.Split(' ')[0].Length, type = "bot_command" } },
        });

    /// <summary>Presses an inline button of a bot message.</summary>
    public Task PressAsync(string token, long chatId, long messageId, string data) =>
        PostAsync("/sendCallback", new Dictionary<string, object>
        {
            ["botToken"] = token, ["from"] = User(Math.Abs(chatId)),
            ["message"] = new { message_id = messageId, chat = Chat(chatId, "private") }, ["data"] = data,
        });

    /// <summary>The bot's requests (sendMessage bodies) for a chat that have not been read yet.</summary>
    public async Task<List<JsonElement>> ReadBotMessagesAsync(string token, long chatId)
    {
        var response = await _http.PostAsJsonAsync(BaseUrl + "/getUpdates", new { token, chatId });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("result").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    /// <summary>
    /// Waits until the bot has sent <paramref name="count"/> messages to the chat; returns the emulator's records:
    /// "message" holds the bot's request (chat_id, text, parse_mode, reply_markup), "messageId" its id.
    /// </summary>
    public async Task<List<JsonElement>> WaitForBotMessagesAsync(string token, long chatId, int count = 1, int timeoutMs = 30_000)
    {
        var all = new List<JsonElement>();
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (all.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The bot sent {all.Count} of {count} messages to chat {chatId}");
            all.AddRange(await ReadBotMessagesAsync(token, chatId));
            if (all.Count < count) await Task.Delay(50);
        }
        return all;
    }

    private async Task PostAsync(string path, object body) =>
        (await _http.PostAsJsonAsync(BaseUrl + path, body)).EnsureSuccessStatusCode();

    private static object User(long id) => new { id, first_name = "Thử", last_name = "Nghiệm", is_bot = false };
    private static object Chat(long id, string type) =>
        type == "private" ? new { id, type, first_name = "Thử" } : new { id, type, title = "Nhóm lãnh đạo" };

    private static async Task DrainAsync(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync() is not null) { } } catch (ObjectDisposedException) { }
    }

    private static async Task RunAsync(string file, string args, string cwd)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = cwd })!;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{args} failed with {p.ExitCode}");
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("YouthMonth.sln not found above " + AppContext.BaseDirectory);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }
        _node?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TelegramEmulatorCollection : ICollectionFixture<TelegramEmulator>
{
    public const string Name = "Telegram emulator";
}

/// <summary>A test database for one test class.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public Testing.TestDatabase Database { get; private set; } = null!;
    public async Task InitializeAsync() => Database = await Testing.TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await Database.DisposeAsync();
}
