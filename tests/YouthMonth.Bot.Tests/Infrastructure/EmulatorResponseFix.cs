using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// Test-only: telegram-test-api answers with <c>date</c> in milliseconds and <c>result: null</c> where the Bot API
/// gives <c>true</c>; Telegram.Bot (rightly) cannot read either. Added to the "telegram" HttpClient by <see cref="BotApp"/>.
/// Real Bot API answers pass through unchanged.
/// </summary>
public sealed class EmulatorResponseFix : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (response.Content.Headers.ContentType?.MediaType != "application/json") return response;
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? root;
        try { root = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { return Replace(response, text); }
        if (root is JsonObject envelope && envelope.ContainsKey("ok") && envelope["ok"]?.GetValue<bool>() == true)
        {
            if (envelope.ContainsKey("result") && envelope["result"] is null) envelope["result"] = true;
            SecondsDates(envelope["result"]);
            return Replace(response, envelope.ToJsonString());
        }
        return Replace(response, text);
    }

    private static void SecondsDates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "date" && value is JsonValue v && v.TryGetValue<long>(out var n) && n > 100_000_000_000) o[key] = n / 1000;
                    else SecondsDates(value);
                }
                break;
            case JsonArray a:
                foreach (var item in a) SecondsDates(item);
                break;
        }
    }

    private static HttpResponseMessage Replace(HttpResponseMessage response, string body)
    {
        response.Content = new StringContent(body, new MediaTypeHeaderValue("application/json"));
        return response;
    }
}
