using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace YouthMonth.Bot.Extensions;

public static class HostDefaults
{
    /// <summary>Structured JSON logs outside Development, so a log collector can read them.</summary>
    public static void AddJsonConsoleInProduction(this ILoggingBuilder logging, IHostEnvironment env)
    {
        if (env.IsDevelopment()) return;
        logging.ClearProviders();
        logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
    }

    /// <summary>/health/live: the process answers. /health/ready: the database answers too.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }
}
