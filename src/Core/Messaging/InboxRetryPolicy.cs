using System.Globalization;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// How long <see cref="ChatProcessor"/> waits before trying a message again after each passing failure. After the
/// last delay the message is dead-lettered. Configured as Messaging:InboxRetryDelaysSeconds ("1,5,30,120,600").
/// </summary>
public sealed record InboxRetryPolicy(IReadOnlyList<TimeSpan> Delays)
{
    public const string DefaultDelaysSeconds = "1,5,30,120,600";

    public static InboxRetryPolicy Default { get; } = Parse(DefaultDelaysSeconds)!;

    /// <summary>Null when the text is not a comma-separated list of 1 to 20 whole seconds between 0 and 86400.</summary>
    public static InboxRetryPolicy? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var delays = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s > 86_400) return null;
            delays.Add(TimeSpan.FromSeconds(s));
        }
        return delays.Count is >= 1 and <= 20 ? new InboxRetryPolicy(delays) : null;
    }

    /// <summary>The wait after failure number <paramref name="attempt"/> (1-based); null when retries are used up.</summary>
    public TimeSpan? DelayAfter(int attempt) => attempt >= 1 && attempt <= Delays.Count ? Delays[attempt - 1] : null;
}
