using Microsoft.Extensions.Options;
using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>The Telegram.Bot wrapper and the Zalo client against the fake API: envelopes, error classification, token redaction.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private const string Token = "31337:VERY-SECRET-TOKEN";
    private FakeApi _api = null!;
    public async Task InitializeAsync() => _api = await FakeApi.StartAsync();
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private TelegramApi Telegram(string? baseUrl = null) => TelegramApi.For(
        TelegramApi.CreateClient(new TelegramOptions { Token = Token, ApiBaseUrl = baseUrl ?? _api.BaseUrl }, new HttpClient()), Token);

    private sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    [Fact]
    public async Task Errors_never_carry_the_token()
    {
        _api.Handle = (_, _) => FakeApi.Error(400, $"Bad Request: chat not found for /bot{Token}/sendMessage");
        var error = await Assert.ThrowsAsync<ChatApiException>(() => Telegram().SendMessageAsync("1", "x", null, default));
        Assert.DoesNotContain(Token, error.Message);
        Assert.Equal(400, error.ErrorCode);
        Assert.False(error.IsTransient);

        // Nothing listens on port 9 of localhost: a network error, classified as transient and retried.
        var down = await Assert.ThrowsAsync<ChatApiException>(() => Telegram("http://127.0.0.1:9").GetMeAsync(default));
        Assert.True(down.IsTransient);
        Assert.DoesNotContain(Token, down.ToString());
    }

    [Fact]
    public async Task Commands_and_files_use_the_documented_shapes_and_downloads_stop_at_the_limit()
    {
        _api.Handle = (method, _) => method == "getFile"
            ? FakeApi.Ok(new { file_id = "F", file_unique_id = "u", file_size = 3, file_path = "photos/x.jpg" })
            : FakeApi.Ok(true);
        _api.Files["x.jpg"] = [1, 2, 3];
        var client = Telegram();
        await client.SetMyCommandsAsync([("baocao", "Gửi báo cáo tuần"), ("tongket", "Tổng kết")], default);
        var (path, size) = await client.GetFileAsync("F", default);
        Assert.Equal(("photos/x.jpg", 3L), (path, size));
        Assert.Equal([1, 2, 3], await client.DownloadFileAsync(path!, 10, default));
        Assert.Null(await client.DownloadFileAsync(path!, 2, default));
        var missing = await Assert.ThrowsAsync<ChatApiException>(() => client.DownloadFileAsync("photos/gone.jpg", 10, default));
        Assert.False(missing.IsTransient);
        Assert.DoesNotContain(Token, missing.ToString());

        var command = Assert.Single(_api.CallsTo("setMyCommands")).Body.GetProperty("commands")[0];
        Assert.Equal(("baocao", "Gửi báo cáo tuần"), (command.GetProperty("command").GetString(), command.GetProperty("description").GetString()));
        Assert.All(_api.Calls.Where(c => !c.Path.Contains("/file/")), c => Assert.StartsWith("application/json", c.ContentType));
    }

    [Fact]
    public async Task Zalo_idle_poll_408_is_an_empty_result_and_texts_over_2000_are_refused()
    {
        _api.Handle = (method, _) => method == "getUpdates"
            ? (200, new { ok = false, error_code = 408, description = "Request timeout" })
            : FakeApi.Ok(new { message_id = "82599fa3", date = 1749632637199 });
        var zalo = new ZaloClient(new HttpClient(), new StaticOptions<ZaloOptions>(new ZaloOptions { Token = Token, ApiBaseUrl = _api.BaseUrl }));
        Assert.Null(await zalo.GetUpdatesAsync(1, default));
        Assert.Equal("82599fa3", await zalo.SendMessageAsync("u1", "Chào bạn", default));
        await Assert.ThrowsAsync<ArgumentException>(() => zalo.SendMessageAsync("u1", new string('a', 2001), default));
    }
}
