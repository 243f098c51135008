namespace YouthMonth.Bot.Messaging;

/// <summary>Splits long texts at a channel's limit (4096 Telegram, 2000 Zalo), preferring line boundaries.</summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        if (text.Length <= limit) return [text];
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            // Last line break that keeps a useful amount of text; else a space; else a hard cut.
            var cut = window.LastIndexOf('\n');
            if (cut < limit / 4) cut = window.LastIndexOf(' ');
            if (cut < limit / 4) cut = limit;
            // Never cut a surrogate pair in half.
            if (cut == limit && char.IsHighSurrogate(rest[cut - 1])) cut--;
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0) parts.Add(part.ToString());
            rest = rest[cut..].TrimStart('\n').TrimStart(' ');
        }
        if (rest.Trim().Length > 0) parts.Add(rest.ToString());
        return parts;
    }
}
