using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Access;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Auth;

/// <summary>
/// Office accounts for the web app: creation (by command), password check with lockout, and the claims a
/// signed-in person carries (the same role names as API keys, so the same policies apply).
/// </summary>
public sealed class OfficeAccounts(YouthMonthDb db, TimeProvider clock, IPasswordHasher<OfficeUser> hasher)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 8;

    public sealed record SignInResult(OfficeUser? User, string? Error);

    public static string NormaliseName(string? userName) => (VietnameseText.Clean(userName) ?? "").ToLowerInvariant();

    public async Task<(OfficeUser? User, string? Error)> CreateAsync(string userName, string? displayName, ApiRole role, string password,
        CancellationToken ct = default)
    {
        var name = NormaliseName(userName);
        if (name.Length is < 2 or > 64 || name.Any(char.IsWhiteSpace)) return (null, "Tên đăng nhập 2–64 ký tự, không có dấu cách.");
        if (password.Length < MinPasswordLength) return (null, $"Mật khẩu cần ít nhất {MinPasswordLength} ký tự.");
        if (await db.OfficeUsers.AnyAsync(u => u.UserName == name, ct)) return (null, $"Đã có tài khoản \"{name}\".");
        var user = new OfficeUser
        {
            UserName = name, DisplayName = VietnameseText.Clean(displayName) is { Length: > 0 } d ? d : name, Role = role,
            PasswordHash = "", CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.OfficeUsers.Add(user);
        await db.SaveChangesAsync(ct);
        return (user, null);
    }

    /// <summary>Sets a new password and lifts a lockout (the command's "users password").</summary>
    public async Task<bool> SetPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var name = NormaliseName(userName);
        var user = await db.OfficeUsers.FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null) return false;
        user.PasswordHash = hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Checks a password. After <see cref="MaxFailures"/> wrong ones in a row the account is locked for
    /// <see cref="LockoutTime"/>, even for the right password, so guessing is slow. The answer does not say
    /// whether the name exists.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        const string wrong = "Sai tên đăng nhập hoặc mật khẩu.";
        var name = NormaliseName(userName);
        if (name.Length == 0 || string.IsNullOrEmpty(password)) return new(null, wrong);
        var user = await db.OfficeUsers.FirstOrDefaultAsync(u => u.UserName == name && u.DisabledAt == null, ct);
        if (user is null) return new(null, wrong);
        var now = clock.GetUtcNow();
        if (user.LockedUntil > now) return new(null, Locked(user.LockedUntil.Value));

        var check = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            string error = wrong;
            if (user.FailedSignIns >= MaxFailures)
            {
                user.FailedSignIns = 0;
                user.LockedUntil = now + LockoutTime;
                error = Locked(user.LockedUntil.Value);
            }
            await db.SaveChangesAsync(ct);
            return new(null, error);
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        return new(user, null);
    }

    private static string Locked(DateTimeOffset until)
    {
        var local = Core.VietnamTime.ToLocal(until, Core.VietnamTime.Zone());
        return $"Tài khoản tạm khóa vì nhập sai mật khẩu {MaxFailures} lần. Thử lại sau {local:HH:mm}.";
    }

    public static ClaimsPrincipal Principal(OfficeUser user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.GivenName, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role == ApiRole.Admin ? AuthPolicies.Admin : AuthPolicies.Viewer),
    ], scheme));
}
