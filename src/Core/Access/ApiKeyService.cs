using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Access;

/// <summary>Creates, verifies and revokes admin API keys. The secret is shown once; only its SHA-256 is stored.</summary>
public sealed class ApiKeyService(YouthMonthDb db, TimeProvider clock)
{
    public const string KeyPrefix = "ym_";

    public sealed record CreatedKey(ApiKey Key, string Secret);

    public async Task<CreatedKey> CreateAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        var secret = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Role = role,
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedKey(key, secret);
    }

    /// <summary>The active key matching <paramref name="secret"/>, or null.</summary>
    public async Task<ApiKey?> VerifyAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 200)
            return null;
        // The lookup is by hash, so no secret is ever compared character by character.
        var hash = Hash(secret.Trim());
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return false;
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
