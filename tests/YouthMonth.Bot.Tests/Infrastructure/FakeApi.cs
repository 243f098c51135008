using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// A hand-written HTTP fake of a Bot API on 127.0.0.1 (Telegram or Zalo): every request is recorded, and
/// <see cref="Handle"/> decides the answer per method. Used where the emulator cannot go (429, 403, migration,
/// files, Zalo).
/// </summary>
public sealed class FakeApi : IAsyncDisposable
{
    public sealed record Call(string Method, string Path, JsonElement Body, DateTime At, string? ContentType)
    {
        /// <summary>The X-Test-Host header: which of several Bot hosts made the call, when a test tags them.</summary>
        public string? Host { get; init; }
    }

    private readonly WebApplication _app;
    public ConcurrentQueue<Call> Calls { get; } = new();
    public string BaseUrl { get; }

    /// <summary>(method name, body) → (status, JSON); default answers {"ok":true,"result":{"message_id":n}}.</summary>
    public Func<string, JsonElement, (int Status, object Body)>? Handle { get; set; }

    /// <summary>Files served at GET /files/{name} (Telegram downloads, Zalo image URLs).</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>file name → a status to answer instead of the file (e.g. 502 while a file server is down); null serves it.</summary>
    public Func<string, int?>? FileFailure { get; set; }

    private int _messageIds;

    private FakeApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeApi? fake = null;
        app.Run(async ctx => await fake!.ServeAsync(ctx));
        await app.StartAsync();
        var address = app.Urls.First();
        fake = new FakeApi(app, address);
        return fake;
    }

    public IEnumerable<Call> CallsTo(string method) => Calls.Where(c => c.Method == method);

    public int NextMessageId() => Interlocked.Increment(ref _messageIds);

    private async Task ServeAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path.StartsWith("/files/", StringComparison.Ordinal) || path.StartsWith("/file/", StringComparison.Ordinal))
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (FileFailure?.Invoke(name) is { } failure) ctx.Response.StatusCode = failure;
            else if (Files.TryGetValue(name, out var bytes)) await ctx.Response.Body.WriteAsync(bytes);
            else ctx.Response.StatusCode = 404;
            return;
        }
        var method = path[(path.LastIndexOf('/') + 1)..];
        JsonElement body = default;
        if (ctx.Request.HasJsonContentType())
            body = (await JsonDocument.ParseAsync(ctx.Request.Body)).RootElement.Clone();
        else if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync();
            body = JsonSerializer.SerializeToElement(form.ToDictionary(f => f.Key, f => f.Value.ToString())
                .Concat(form.Files.Select(f => KeyValuePair.Create(f.Name, $"file:{f.FileName}:{f.Length}")))
                .ToDictionary());
        }
        Calls.Enqueue(new Call(method, path, body, DateTime.UtcNow, ctx.Request.ContentType) { Host = ctx.Request.Headers["X-Test-Host"].FirstOrDefault() });
        var (status, answer) = Handle?.Invoke(method, body) ?? Default(method);
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsJsonAsync(answer);
    }

    private (int, object) Default(string method) => method switch
    {
        "getMe" => Ok(new { id = 1, is_bot = true, first_name = "Fake", username = "FakeBot" }),
        "getUpdates" => Ok(Array.Empty<object>()),
        _ => Ok(new { message_id = NextMessageId(), date = 1 }),
    };

    public static (int, object) Ok(object? result) => (200, new { ok = true, result });

    public static (int, object) Error(int code, string description, object? parameters = null) =>
        (code, new { ok = false, error_code = code, description, parameters });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
