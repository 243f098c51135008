using System.Security.Cryptography;
using System.Text;

namespace YouthMonth.Bot.Channels;

public static class WebhookSecret
{
    /// <summary>
    /// Constant-time comparison of the secret header. Both sides are hashed first so that neither the content
    /// nor the length of the configured secret leaks through timing.
    /// </summary>
    public static bool Matches(string? expected, string? given, bool required)
    {
        if (string.IsNullOrEmpty(expected)) return !required;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")));
    }
}
