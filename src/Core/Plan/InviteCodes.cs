using System.Security.Cryptography;

namespace YouthMonth.Core.Plan;

/// <summary>
/// Random invite codes for Telegram deep links (payload [A-Za-z0-9_-], ≤ 64 chars). Ten characters from an
/// alphabet without look-alikes (no 0/O, 1/I/l) give about 50 bits: unguessable, and still readable aloud.
/// </summary>
public static class InviteCodes
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public const int Length = 10;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string TelegramLink(string botUsername, string code) => $"https://t.me/{botUsername}?start={code}";
}
