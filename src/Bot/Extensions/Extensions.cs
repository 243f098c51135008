using YouthMonth.Core;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Bot.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("YouthMonth")
            ?? throw new InvalidOperationException("ConnectionStrings:YouthMonth is not set (see README).");
        builder.Services.AddYouthMonthCore(connectionString);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Logging.AddJsonConsoleInProduction(builder.Environment, builder.Configuration);
        builder.AddChannels();
        builder.AddMessagingReliability();
        builder.AddDialogs();
        builder.AddScheduling();
        builder.AddSummaries();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateWhenReachableAsync();

    public static void MapBotEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapChannelEndpoints();
    }
}
