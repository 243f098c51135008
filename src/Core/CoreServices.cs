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
        services.AddSingleton(_ => DataSourceBuilder(connectionString).Build());
        // Pooled: a dialog turn is one short scope, and building a context's services each time was ≈ 6 % of a
        // turn's CPU (docs/benchmarks.md, dialog-turns). YouthMonthDb keeps what it read of the plan
        // with the lease it read it in, so a context's next scope reads the version afresh.
        services.AddDbContextPool<YouthMonthDb>((sp, o) => ConfigureDb(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SchemaMigrator>();
        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement once a connection has sent it twice (up to 64 per connection): every dialog turn
    /// repeats the same few, and PostgreSQL's CPU per turn halves (docs/benchmarks.md, dialog-turns). A connection
    /// string that sets <c>Max Auto Prepare</c> itself (0 turns it off) is left as it is.
    /// </summary>
    public static NpgsqlDataSourceBuilder DataSourceBuilder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        return builder;
    }

    public static DbContextOptionsBuilder ConfigureDb(DbContextOptionsBuilder o, NpgsqlDataSource dataSource) =>
        o.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();
}
