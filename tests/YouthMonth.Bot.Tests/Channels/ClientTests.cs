using Microsoft.Extensions.Options;
using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Tests.Infrastructure;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>The typed clients against the fake API: envelopes, error classification, token redaction.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private const string Token = "31337:VERY-SECRET-TOKEN";
    private FakeApi _api = null!;
    public async Task InitializeAsync() => _api = await FakeApi.StartAsync();
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private TelegramClient Telegram(string? baseUrl = null) => new(new HttpClient(),
        new StaticOptions<TelegramOptions>(new TelegramOptions { Token = Token, ApiBaseUrl = baseUrl ?? _api.BaseUrl }));

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
    public async Task Edits_treat_not_modified_as_success_and_keep_the_buttons_when_given()
    {
        _api.Handle = (_, _) => FakeApi.Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same");
        await Telegram().EditMessageTextAsync("42", "7", "Đã chọn: Có", TelegramSender.Keyboard(
            new Core.Messaging.OutgoingMessage { Text = "", Choices = EchoHandler.YesNo }, Core.Messaging.ChatType.Private), default);
        var call = Assert.Single(_api.CallsTo("editMessageText"));
        Assert.Equal(7, call.Body.GetProperty("message_id").GetInt64());
        Assert.Equal("c:yes", call.Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task Albums_commands_and_files_use_the_documented_shapes()
    {
        _api.Handle = (method, _) => method == "getFile"
            ? FakeApi.Ok(new { file_id = "F", file_size = 3, file_path = "photos/x.jpg" })
            : FakeApi.Ok(true);
        _api.Files["x.jpg"] = [1, 2, 3];
        var client = Telegram();
        await client.SendMediaGroupAsync("42", ["A", "B"], "Ảnh &lt;hoạt động&gt;", default);
        await client.SetMyCommandsAsync([("baocao", "Gửi báo cáo tuần"), ("tongket", "Tổng kết")], default);
        var (path, size) = await client.GetFileAsync("F", default);
        Assert.Equal(("photos/x.jpg", 3L), (path, size));
        Assert.Equal([1, 2, 3], await client.DownloadFileAsync(path!, 10, default));
        Assert.Null(await client.DownloadFileAsync(path!, 2, default));

        var album = Assert.Single(_api.CallsTo("sendMediaGroup")).Body.GetProperty("media");
        Assert.Equal(2, album.GetArrayLength());
        Assert.Equal("Ảnh &lt;hoạt động&gt;", album[0].GetProperty("caption").GetString());
        Assert.False(album[1].TryGetProperty("caption", out _));
        Assert.Equal("baocao", Assert.Single(_api.CallsTo("setMyCommands")).Body.GetProperty("commands")[0].GetProperty("command").GetString());
        Assert.All(_api.Calls.Where(c => c.Method != "x.jpg"), c => Assert.StartsWith("application/json", c.ContentType));
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
