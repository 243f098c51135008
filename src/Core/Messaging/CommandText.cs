using System.Text.RegularExpressions;

namespace YouthMonth.Core.Messaging;

/// <summary>Reads "/cmd args" and "/cmd@botname args" the same way on every channel.</summary>
public static partial class CommandText
{
    [GeneratedRegex(@"^/(?<cmd>[A-Za-z0-9_]{1,32})(?:@(?<bot>[A-Za-z0-9_]{1,64}))?(?:\s+(?<args>[\s\S]*))?$")]
    private static partial Regex Pattern();

    /// <summary>
    /// False when the text is not a command. <paramref name="forOtherBot"/> is true for "/cmd@someone_else":
    /// in a group that command belongs to another bot and must be ignored.
    /// </summary>
    public static bool TryParse(string? text, string? botUsername, out string command, out string? arguments, out bool forOtherBot)
    {
        command = ""; arguments = null; forOtherBot = false;
        if (text is null) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        command = m.Groups["cmd"].Value.ToLowerInvariant();
        var args = m.Groups["args"].Value.Trim();
        arguments = args.Length == 0 ? null : args;
        var bot = m.Groups["bot"];
        forOtherBot = bot.Success && !string.IsNullOrEmpty(botUsername)
            && !string.Equals(bot.Value, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase);
        return true;
    }
}
