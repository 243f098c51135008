using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using YouthMonth.Bot.Extensions;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>The Bot host composed exactly as Program.cs does, on Kestrel at 127.0.0.1 and a fresh database.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required TestDatabase Database { get; init; }
    public required Uri BaseAddress { get; init; }

    public static async Task<BenchHost> StartAsync(Dictionary<string, string?> settings)
    {
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        return await StartOnAsync(await TestDatabase.CreateAsync(), settings);
    }

    /// <summary>Another host on an existing database (the caller disposes the database through the first host).</summary>
    public static async Task<BenchHost> StartOnAsync(TestDatabase database, Dictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:YouthMonth"] = database.ConnectionString,
            ["Photos:Root"] = Path.Combine(Path.GetTempPath(), "ym-bench-photos"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.AddApplicationServices();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.MapBotEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost { App = app, Database = database, BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A minimal fake Bot API on 127.0.0.1 whose answers a benchmark decides.</summary>
internal sealed class BenchFakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string BaseUrl { get; }

    private BenchFakeApi(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    /// <summary>A 1 × 1 JPEG.</summary>
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    /// <summary>Answers every call with <paramref name="answer"/>'s JSON, and any path ending in .jpg with <see cref="Jpeg"/>.</summary>
    public static async Task<BenchFakeApi> StartAsync(Func<string, (int Status, string Json)> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async ctx =>
        {
            var path = ctx.Request.Path.Value ?? "";
            if (path.EndsWith(".jpg", StringComparison.Ordinal))
            {
                // A photo a chat sent (Zalo gives its URL): a real JPEG, so the Bot stores it.
                ctx.Response.ContentType = "image/jpeg";
                await ctx.Response.Body.WriteAsync(Jpeg);
                return;
            }
            var (status, json) = answer(path[(path.LastIndexOf('/') + 1)..]);
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(json);
        });
        await app.StartAsync();
        return new BenchFakeApi(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
