using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
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
        builder.Services.AddAdminAuth();
        builder.AddJobEngine(connectionString);
        builder.Services.AddOfficeWeb();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, "abc" for an int) throw so ApiExceptionHandler can name the field,
        // in every environment (the default only throws in Development).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            // Enums travel as names; "kind": 2 is rejected rather than silently meaning something.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // U+0000 and lone surrogates would reach PostgreSQL and fail there; refused here, naming the field.
            o.SerializerOptions.Converters.Add(new Core.Text.StorableStringConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        InviteOptions.Register(builder.Services);
        builder.Services.AddApiDocs();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Logging.AddJsonConsoleInProduction(builder.Environment, builder.Configuration);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateWhenReachableAsync();

    public static void UseApplicationMiddleware(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiDocsUi();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseBodyLimits();
    }

    public static void MapAdminApis(this IEndpointRouteBuilder app)
    {
        app.MapApiDocs();
        app.MapOrganisationsApi();
        app.MapCampaignsApi();
        app.MapPeriodsApi();
        app.MapMetricsApi();
        app.MapTargetsApi();
        app.MapActivitiesApi();
        app.MapUnitsApi();
        app.MapContactsApi();
        app.MapLeaderChatsApi();
        app.MapPlanApi();
        app.MapKeysApi();
        app.MapUnreachableChatsApi();
        app.MapSummariesApi();
        app.MapExportsApi();
        app.MapReportsApi();
        app.MapReviewsApi();
        app.MapDeadLettersApi();
        app.MapChatsApi();
        app.MapOfficeWeb();
        app.MapJobDashboard();
    }
}
