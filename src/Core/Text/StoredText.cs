using System.Text;

namespace YouthMonth.Core.Text;

/// <summary>
/// Makes platform text storable: PostgreSQL text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate can
/// neither be normalised (string.Normalize throws) nor stored. Both only ever come from broken or hostile input.
/// </summary>
public static class StoredText
{
    public static string? Scrub(string? text)
    {
        if (text is null || !NeedsScrub(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return sb.ToString();
    }

    private static bool NeedsScrub(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return true;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }
}
