using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using YouthMonth.Bot.Channels.Local;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Persistence;

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

    [Fact]
    public async Task With_the_database_unreachable_a_message_gets_503_with_Retry_After_and_nothing_is_stored()
    {
        await using var reachable = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        var closedPort = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var app = new BotApp(fixture.Database);
        app.TestServices = s =>
        {
            // The schema is checked through the real database at start; after that every query reaches a closed port.
            s.Replace(ServiceDescriptor.Singleton(sp => new SchemaMigrator(reachable, sp.GetRequiredService<ILogger<SchemaMigrator>>())));
            s.Replace(ServiceDescriptor.Singleton(_ => NpgsqlDataSource.Create(closedPort)));
        };
        var client = app.Client();

        // A plain chat id (the numbered-answer lookup, then the inbox) and a contact's (bound to the plan first).
        foreach (var chatId in new[] { "down-1", "contact-1" })
        {
            var response = await client.PostAsJsonAsync("/local/messages", new { chatId, text = "Báo cáo tuần 2" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(LocalChatApi.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Contains("gửi lại", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/local/messages?chatId=down-1")).StatusCode);

        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Inbox.AnyAsync(i => i.ChatId == "down-1" || i.ChatId == "contact-1"));
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
