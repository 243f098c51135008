using Microsoft.Extensions.Diagnostics.HealthChecks;
using YouthMonth.Admin.Auth;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Admin.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("YouthMonth")
            ?? throw new InvalidOperationException("ConnectionStrings:YouthMonth is not set (see README).");
        builder.Services.AddYouthMonthCore(connectionString);
        builder.Services.AddApiKeyAuth();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Logging.AddJsonConsoleInProduction(builder.Environment);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();

    public static void UseApplicationMiddleware(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapAdminApis(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
    }
}
