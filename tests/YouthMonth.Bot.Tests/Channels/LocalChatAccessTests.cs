using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Tests.Infrastructure;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>
/// The local chat speaks as any contact or leader chat: it must be off unless enabled explicitly, and off this
/// machine it needs the key (issue 10, point 1).
/// </summary>
public sealed class LocalChatAccessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_token_with_Telegram_off_does_not_switch_the_local_chat_on()
    {
        await using var app = new BotApp(fixture.Database);
        app.Settings.Remove("Local:Enabled");
        app.Settings["Telegram:Token"] = "123456:TEST";
        app.Settings["Telegram:Mode"] = "Off";
        var client = app.Client();

        var post = await client.PostAsJsonAsync("/local/messages", new { chatId = "leaders-1", text = "/tonghop" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/local/chats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chat")).StatusCode);

        // No token at all: still off.
        await using var bare = new BotApp(fixture.Database);
        bare.Settings.Remove("Local:Enabled");
        Assert.Equal(HttpStatusCode.NotFound, (await bare.Client().GetAsync("/local/chats")).StatusCode);
    }

    [Fact]
    public async Task Off_this_machine_the_local_chat_needs_the_key()
    {
        await using var app = new BotApp(fixture.Database);
        app.Settings["Local:Key"] = "demo-key-1234";
        app.TestServices = s => s.AddSingleton<IStartupFilter, FakeRemoteAddress>();
        var client = app.Client();

        // From this machine (the in-memory server has no remote address, like a loopback caller).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/local/chats")).StatusCode);

        var remote = Request("/local/chats", remote: "203.0.113.7");
        var refused = await client.SendAsync(remote);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("X-Local-Key", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request("/local/chats", "203.0.113.7", "wrong-key"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request("/local/chats", "203.0.113.7", "demo-key-1234"))).StatusCode);

        var post = Request("/local/messages", "203.0.113.7");
        post.Method = HttpMethod.Post;
        post.Content = JsonContent.Create(new { chatId = "leaders-1", text = "/tonghop" });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(post)).StatusCode);

        // A reverse proxy on this machine connects from loopback: its forwarding header makes the request remote.
        var proxied = Request("/local/chats");
        proxied.Headers.Add("X-Forwarded-For", "198.51.100.4");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(proxied)).StatusCode);
    }

    [Fact]
    public async Task Without_a_key_configured_only_this_machine_may_use_it()
    {
        await using var app = new BotApp(fixture.Database);
        app.TestServices = s => s.AddSingleton<IStartupFilter, FakeRemoteAddress>();
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request("/local/chats", remote: "127.0.0.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request("/local/chats", "10.0.0.9", "anything"))).StatusCode);
    }

    private static HttpRequestMessage Request(string url, string? remote = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (remote is not null) request.Headers.Add(FakeRemoteAddress.Header, remote);
        if (key is not null) request.Headers.Add("X-Local-Key", key);
        return request;
    }

    /// <summary>The in-memory server has no remote address; this sets one from a test header, before anything else runs.</summary>
    private sealed class FakeRemoteAddress : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext ctx, RequestDelegate nextMiddleware) =>
            {
                if (ctx.Request.Headers[Header].ToString() is { Length: > 0 } address)
                    ctx.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
