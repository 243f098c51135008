using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// scripts/run.sh names the real bot in invite links by asking Telegram's getMe (scripts/telegram-bot-name.sh).
/// Here getMe is answered by a loopback fake that speaks the Bot API's JSON, reached through Telegram__ApiBaseUrl.
/// </summary>
public sealed class TelegramBotNameScriptTests : IDisposable
{
    private const string Token = "123456:AAFakeTokenForTheScript";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly string _baseUrl;

    public TelegramBotNameScriptTests()
    {
        _baseUrl = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(_baseUrl + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    [Fact]
    public async Task The_bot_name_comes_from_getMe_with_the_token()
    {
        var (exit, output) = await RunAsync(Token);
        Assert.Equal(0, exit);
        Assert.Equal("ThangThanhNienCTBot", output.Trim());
        Assert.Equal([$"/bot{Token}/getMe"], _paths);
    }

    [Fact]
    public async Task A_refused_token_or_no_token_prints_nothing_and_fails_so_run_sh_keeps_the_default()
    {
        var (exit, output) = await RunAsync("999:WrongToken");
        Assert.Equal(1, exit);
        Assert.Equal("", output);

        (exit, output) = await RunAsync(null);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(_paths);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            _paths.Enqueue(path);
            var known = path == $"/bot{Token}/getMe";
            var body = known
                ? """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"Tháng Thanh niên","username":"ThangThanhNienCTBot","can_join_groups":true}}"""
                : """{"ok":false,"error_code":401,"description":"Unauthorized"}""";
            context.Response.StatusCode = known ? 200 : 401;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string? token)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        start.ArgumentList.Add("scripts/telegram-bot-name.sh");
        start.Environment.Remove("Telegram__Token");
        if (token is not null) start.Environment["Telegram__Token"] = token;
        start.Environment["Telegram__ApiBaseUrl"] = _baseUrl;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, output);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln"))) return dir.FullName;
        throw new FileNotFoundException("YouthMonth.sln not found above the test folder");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
