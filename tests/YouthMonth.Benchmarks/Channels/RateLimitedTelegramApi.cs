using System.Diagnostics;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>
/// A fake Telegram Bot API that enforces Telegram's broadcast limit: it answers 429 (retry_after 1) whenever it has
/// accepted <c>perSecond</c> sendMessage calls in the last second, and counts what it accepted and refused.
/// </summary>
internal sealed class RateLimitedTelegramApi : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly Queue<long> _window = new();
    private readonly List<long> _accepted = [];
    private int _rejected;
    private BenchFakeApi _api = null!;

    public string BaseUrl => _api.BaseUrl;
    public int Rejected { get { lock (_lock) return _rejected; } }

    /// <summary>The most sendMessage calls accepted within any one-second window.</summary>
    public int PeakPerSecond()
    {
        lock (_lock)
            return _accepted.Count == 0 ? 0
                : _accepted.Select((t, i) => _accepted.Skip(i).TakeWhile(u => u - t < Stopwatch.Frequency).Count()).Max();
    }

    public static async Task<RateLimitedTelegramApi> StartAsync(int perSecond = 30)
    {
        var fake = new RateLimitedTelegramApi();
        fake._api = await BenchFakeApi.StartAsync(method => fake.Answer(method, perSecond));
        return fake;
    }

    private (int Status, string Json) Answer(string method, int perSecond)
    {
        if (method != "sendMessage") return (200, """{"ok":true,"result":{"id":1,"username":"BenchBot"}}""");
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            while (_window.Count > 0 && now - _window.Peek() > Stopwatch.Frequency) _window.Dequeue();
            if (_window.Count >= perSecond)
            {
                _rejected++;
                return (429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
            }
            _window.Enqueue(now);
            _accepted.Add(now);
            return (200, $$$"""{"ok":true,"result":{"message_id":{{{_accepted.Count}}}}}""");
        }
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
