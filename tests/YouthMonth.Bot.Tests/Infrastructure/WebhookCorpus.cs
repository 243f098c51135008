namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// Posts every case of a hostile-input corpus to a channel's webhook, with the valid secret, and tallies the answers.
/// </summary>
public static class WebhookCorpus
{
    public sealed record Tally(int Cases, SortedDictionary<int, int> ByStatus, List<string> ServerErrors)
    {
        public override string ToString() =>
            $"{Cases} cases; " + string.Join(", ", ByStatus.Select(kv => $"{kv.Key} × {kv.Value}"));
    }

    public static async Task<Tally> PostAllAsync(
        HttpClient client, string path, string secretHeader, string secret,
        IReadOnlyList<(string Name, byte[] Body)> cases, long maxBodyBytes)
    {
        var byStatus = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        foreach (var (name, body) in cases)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(secretHeader, secret);
            int status;
            try { status = (int)(await client.SendAsync(request)).StatusCode; }
            // Kestrel answers 413 to an announced oversize body and closes the connection while the client is still
            // writing; the client may see that as a reset. Only acceptable for bodies over the limit.
            catch (HttpRequestException) when (body.Length > maxBodyBytes) { status = 413; }
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status >= 500) serverErrors.Add($"{name}: {status}");
        }
        return new Tally(cases.Count, byStatus, serverErrors);
    }
}
