using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core;

public static class CoreServices
{
    /// <summary>Registers the database, the clock and the domain services both hosts share.</summary>
    public static IServiceCollection AddYouthMonthCore(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddDbContext<YouthMonthDb>((sp, o) => ConfigureDb(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SchemaMigrator>();
        return services;
    }

    public static DbContextOptionsBuilder ConfigureDb(DbContextOptionsBuilder o, NpgsqlDataSource dataSource) =>
        o.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();
}
