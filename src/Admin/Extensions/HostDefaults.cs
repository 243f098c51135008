using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace YouthMonth.Admin.Extensions;

public static class HostDefaults
{
    /// <summary>
    /// Structured JSON logs outside Development, so a log collector can read them. There EF Core and Npgsql log at
    /// Warning unless Logging:LogLevel names them: at Information every SQL command is a line (≈ 1 GB a day idle).
    /// </summary>
    public static void AddJsonConsoleInProduction(this ILoggingBuilder logging, IHostEnvironment env, IConfiguration configuration)
    {
        if (env.IsDevelopment()) return;
        logging.ClearProviders();
        logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        foreach (var category in QuietCategories)
            if (configuration[$"Logging:LogLevel:{category}"] is null) logging.AddFilter(category, LogLevel.Warning);
    }

    public static readonly string[] QuietCategories = ["Microsoft.EntityFrameworkCore", "Npgsql"];

    /// <summary>/health/live: the process answers. /health/ready: the database answers too.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
