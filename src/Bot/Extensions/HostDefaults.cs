using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace YouthMonth.Bot.Extensions;

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

    /// <summary>
    /// /health/live: the process answers. /health/ready: the database answers too; the JSON also shows the queues
    /// (inbox pending, outbox backlog, failed sends, dead letters) for a monitor to graph or alert on.
    /// </summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        });
}
