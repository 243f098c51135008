using System.Text.RegularExpressions;

namespace YouthMonth.Core.Text;

/// <summary>The http(s) links in a message, as people paste them (several at once, between words, in brackets).</summary>
public static partial class Links
{
    private const string Example = "https://www.facebook.com/doanthanhnien/posts/123";
    public const int MaxLinks = 20;
    public const int MaxLinkLength = 2000;

    public static bool TryParse(string? input, out IReadOnlyList<string> links, out string error)
    {
        var text = VietnameseText.Clean(input) ?? "";
        var found = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            // Punctuation that ends a sentence or closes a bracket is not part of the link.
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'', '»', '”');
            if (url.Length > MaxLinkLength) continue;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) continue;
            if (!uri.Host.Contains('.') || uri.Host.StartsWith('.') || uri.Host.EndsWith('.')) continue;
            if (!found.Contains(url, StringComparer.Ordinal)) found.Add(url);
            if (found.Count == MaxLinks) break;
        }

        links = found;
        if (found.Count > 0)
        {
            error = "";
            return true;
        }
        error = text.Length == 0
            ? $"Chưa có đường link. Hãy gửi link bài đăng, ví dụ: {Example}"
            : $"Đường link phải bắt đầu bằng http:// hoặc https://, ví dụ: {Example}";
        return false;
    }

    /// <summary>
    /// Splits a message into its words and its links: "Tin … https://fb.com/p/1" gives ("Tin …", [link]), so a
    /// news text can carry its post's link in the same message.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Links) Extract(string? input)
    {
        var text = VietnameseText.Clean(input) ?? "";
        if (!TryParse(text, out var links, out _)) return (text, []);
        foreach (var link in links) text = text.Replace(link, " ", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return (string.Join('\n', lines).Trim(), links);
    }

    [GeneratedRegex(@"https?://[^\s<>""“”«»]+", RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();
}
