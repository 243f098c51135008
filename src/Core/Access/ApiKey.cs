namespace YouthMonth.Core.Access;

public enum ApiRole
{
    /// <summary>Reads the plan, summaries and exports.</summary>
    Viewer,
    /// <summary>Also edits the plan, reviews reports and manages keys.</summary>
    Admin,
}

/// <summary>An admin API key. Only a SHA-256 hash of the secret is stored; the prefix identifies it in lists.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ApiRole Role { get; set; }
    /// <summary>The first characters of the key, shown in lists ("ym_3f9a…").</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
