namespace YouthMonth.Core.Access;

/// <summary>
/// A person of the Đoàn office who signs in to the web app. The password is kept only as a hash (ASP.NET
/// Core's PasswordHasher format, computed by the Admin host). Roles match the API keys': viewers read, admins
/// also edit. Repeated wrong passwords lock the account for a while.
/// </summary>
public class OfficeUser
{
    public int Id { get; set; }
    /// <summary>Sign-in name, stored lower-case and NFC-normalised so "Thu.Ha" and "thu.ha" are one account.</summary>
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public ApiRole Role { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Wrong passwords since the last success or the last lockout.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}
