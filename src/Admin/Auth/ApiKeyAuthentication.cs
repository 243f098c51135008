using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using YouthMonth.Core.Access;

namespace YouthMonth.Admin.Auth;

/// <summary>
/// Authenticates admin calls by API key: header "X-Api-Key: ym_…" or "Authorization: Bearer ym_…".
/// The key's role becomes a role claim that the <see cref="AuthPolicies"/> check.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[HeaderName].FirstOrDefault();
        if (secret is null && Request.Headers.Authorization.FirstOrDefault() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            secret = auth["Bearer ".Length..].Trim();
        if (secret is null) return AuthenticateResult.NoResult();

        var key = await keys.VerifyAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Invalid or revoked API key.");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, key.Role == ApiRole.Admin ? AuthPolicies.Admin : AuthPolicies.Viewer),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "Thiếu hoặc sai API key",
            $"Gửi khóa trong header {HeaderName} (hoặc Authorization: Bearer).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "Không đủ quyền",
            "Khóa này chỉ có quyền xem (viewer); thao tác này cần quyền admin.");

    private Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}

/// <summary>Authorization policies of the admin API: viewers read, admins also write.</summary>
public static class AuthPolicies
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    /// <summary>Cookie sign-in of the web app (office accounts).</summary>
    public const string CookieScheme = "OfficeCookie";
    public const string CookieName = "ym_office";
    // Picks API keys or the cookie per request; the default scheme of the host.
    private const string PolicyScheme = "ApiKeyOrCookie";

    /// <summary>
    /// Two ways in: machines call /api with an API key; people use the web pages with a cookie. A request that
    /// carries a key (or goes to /api) is judged by the key alone, so a browser cookie never authorises an API
    /// call made from another site, and an API client gets a 401 answer instead of a redirect to the sign-in page.
    /// </summary>
    public static void AddAdminAuth(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyService>();
        services.AddScoped<OfficeAccounts>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordHasher<Core.Access.OfficeUser>,
            Microsoft.AspNetCore.Identity.PasswordHasher<Core.Access.OfficeUser>>();
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "API key or office sign-in", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi")
                || http.Request.Path.StartsWithSegments("/swagger")
                || http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                || http.Request.Headers.Authorization.Any(a => a?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/dang-nhap";
                o.LogoutPath = "/dang-xuat";
                o.AccessDeniedPath = "/khong-du-quyen";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Viewer, p => p.RequireRole(Viewer, Admin))
            .AddPolicy(Admin, p => p.RequireRole(Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build());
    }
}
