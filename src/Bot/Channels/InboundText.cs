using System.Text;
using YouthMonth.Core.Text;

namespace YouthMonth.Bot.Channels;

/// <summary>
/// Makes text from a platform safe to store and normalise: PostgreSQL refuses U+0000 (22P05) and .NET's
/// normalisation and strict UTF-8 refuse lone surrogates, so both would turn a message into a 500 or a retry loop.
/// </summary>
public static class InboundText
{
    /// <summary>NUL removed, lone surrogates replaced by U+FFFD, NFC, trimmed, optionally cut to <paramref name="maxLength"/>.</summary>
    public static string? Safe(string? text, int maxLength = int.MaxValue)
    {
        if (text is null) return null;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = c == '\0'
                || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (bad && sb is null) sb = new StringBuilder(text, 0, i, text.Length);
            if (sb is null) continue;
            if (!bad) sb.Append(c);
            else if (c != '\0') sb.Append('\uFFFD');
        }
        var clean = VietnameseText.Clean(sb?.ToString() ?? text)!;
        if (clean.Length <= maxLength) return clean;
        // Never cut a surrogate pair in two.
        var cut = char.IsHighSurrogate(clean[maxLength - 1]) ? maxLength - 1 : maxLength;
        return clean[..cut];
    }
}
