using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace YouthMonth.Core.Persistence;

/// <summary>Ready when PostgreSQL answers and the schema is in place.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
            var applied = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return applied > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("schema not applied");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
