using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;
using Polly.Retry;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels;

/// <summary>
/// Zalo's Bot API over HTTP (Telegram goes through Telegram.Bot; no library exists for Zalo): POST
/// {base}/bot{token}/{method} with a JSON body, the {ok, result, error_code, description} envelope, retries of
/// network errors and 5xx. Never lets the token (it sits in the URL) reach an exception or a log.
/// </summary>
internal sealed class BotApiTransport(HttpClient http, Channel channel, Func<string?> token, Func<string> baseUrl)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ChatApiException>(e => e.IsTransient),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(300),
            UseJitter = true,
        })
        .Build();

    public Channel Channel => channel;

    /// <summary>Calls a method and returns its result (Undefined when the API gave none, e.g. the emulator's null).</summary>
    public Task<JsonElement> CallAsync(string method, object? body, CancellationToken ct, bool retry = true) =>
        retry
            ? Retry.ExecuteAsync(async t => await SendOnceAsync(method, () => JsonContent(body), t), ct).AsTask()
            : SendOnceAsync(method, () => JsonContent(body), ct);

    /// <summary>GETs a file (Zalo image URLs) with a size cap; null when it is larger.</summary>
    public async Task<byte[]?> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        var secret = token();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new ChatApiException(channel, "download", (int)response.StatusCode, response.ReasonPhrase ?? "download failed");
            if (response.Content.Headers.ContentLength > maxBytes) return null;
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (HttpRequestException ex)
        {
            throw new ChatApiException(channel, "download", null, ex.Message.Redact(secret));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ChatApiException(channel, "download", null, "timeout");
        }
    }

    private static StringContent JsonContent(object? body) =>
        new(JsonSerializer.Serialize(body ?? new { }, Json), Encoding.UTF8, "application/json");

    private async Task<JsonElement> SendOnceAsync(string method, Func<HttpContent> content, CancellationToken ct)
    {
        var secret = token();
        if (string.IsNullOrEmpty(secret)) throw new ChatApiException(channel, method, null, "no token configured");
        var url = $"{baseUrl().TrimEnd('/')}/bot{secret}/{method}";
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ChatApiException(channel, method, null, ex.Message.Redact(secret));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ChatApiException(channel, method, null, "timeout");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                throw new ChatApiException(channel, method, (int)response.StatusCode,
                    $"unreadable response ({(int)response.StatusCode})");
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok))
            {
                if (ok.ValueKind == JsonValueKind.True)
                    return root.TryGetProperty("result", out var result) && result.ValueKind != JsonValueKind.Null
                        ? result.Clone() : default;
                var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var ci) ? ci : (int)response.StatusCode;
                var description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
                TimeSpan? retryAfter = null;
                if (root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    if (p.TryGetProperty("retry_after", out var ra) && ra.TryGetInt32(out var seconds))
                        retryAfter = TimeSpan.FromSeconds(seconds);
                }
                if (code == 429 && retryAfter is null && response.Headers.RetryAfter?.Delta is { } delta) retryAfter = delta;
                throw new ChatApiException(channel, method, code, description.Redact(secret), retryAfter);
            }

            // No envelope: a proxy's error page or a test double's plain answer.
            if (response.StatusCode == HttpStatusCode.OK) return root.Clone();
            var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "error";
            throw new ChatApiException(channel, method, (int)response.StatusCode, message.Redact(secret));
        }
    }
}
