using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using YouthMonth.Admin.Auth;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Admin.Extensions;

/// <summary>
/// The Admin host's side of the job engine: Hangfire's storage without a server (the Bots run the servers), for
/// the dashboard at /hangfire and for enqueueing work such as "send this summary now".
/// </summary>
public static class JobEngineExtensions
{
    public const string DashboardPath = "/hangfire";

    public static void AddJobEngine(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        // This host's own storage singleton rather than Hangfire's static JobStorage.Current (several hosts per test process).
        services.AddSingleton(_ => JobStorageSetup.Create(connectionString, options));
        services.AddHangfire((sp, c) =>
        {
            JobStorageSetup.Configure(c, sp.GetRequiredService<JobStorage>());
            // Hangfire's log provider is process-wide and Hangfire.AspNetCore points it at this host's logger factory;
            // once a host is disposed (a test process builds many) every later job client fails with
            // ObjectDisposedException. This host runs no job server, so its Hangfire client has nothing to log.
            c.UseLogProvider(SilentHangfireLog.Instance);
        });

        // Behind the TLS proxy on the same machine every request comes from loopback: the client's address and
        // scheme come from the proxy's headers (only loopback proxies are trusted, ASP.NET's default).
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // A person who is not signed in gets 401 with a link to the sign-in page rather than a redirect: the
        // dashboard is also called by scripts with an API key, and they must see the refusal as one.
        services.PostConfigure<CookieAuthenticationOptions>(AuthPolicies.CookieScheme, o =>
        {
            var redirect = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                if (!context.Request.Path.StartsWithSegments(DashboardPath)) return redirect(context);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(
                    $"""<!doctype html><meta charset="utf-8"><title>Cần đăng nhập</title><p>Cần đăng nhập để xem lịch gửi. <a href="/dang-nhap?ReturnUrl={Uri.EscapeDataString(DashboardPath)}">Đăng nhập</a></p>""");
            };
        });
    }

    /// <summary>
    /// The dashboard: viewers see it read-only, admins can also trigger, requeue and delete jobs. Signed-in office
    /// accounts (cookie) and API keys (header) are accepted; everyone else, loopback included, gets 401/403.
    /// </summary>
    public static void MapJobDashboard(this IEndpointRouteBuilder app)
    {
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Replaces Hangfire's default filter, which admits any loopback request (everyone, behind a local proxy).
            Authorization = [new OfficeRolesFilter()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(AuthPolicies.Admin),
            DashboardTitle = "YouthMonth — lịch gửi",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }, storage).RequireAuthorization(AuthPolicies.Viewer);
    }

    /// <summary>The endpoint's policy already decided; this keeps the dashboard closed should it ever be mapped without one.</summary>
    private sealed class OfficeRolesFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(AuthPolicies.Viewer) || user.IsInRole(AuthPolicies.Admin);
        }
    }
}

/// <summary>Hangfire logging switched off for the Admin host (see <see cref="JobEngineExtensions.AddJobEngine"/>).</summary>
internal sealed class SilentHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
{
    public static readonly SilentHangfireLog Instance = new();
    public Hangfire.Logging.ILog GetLogger(string name) => this;
    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
