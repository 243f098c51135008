using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// The queues at a glance, for /health/ready: inbox messages not yet handled (and how long the oldest has waited),
/// outbox messages not yet sent, outbox messages that failed for good, and dead letters. Informational: a backlog
/// does not make the host unready (taking it out of rotation would only make the backlog grow).
/// </summary>
public sealed class MessagingHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("""
                SELECT
                    (SELECT count(*) FROM inbox WHERE processed_at IS NULL),
                    (SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0)::bigint FROM inbox WHERE processed_at IS NULL),
                    (SELECT count(*) FROM outbox WHERE state = 'Pending'),
                    (SELECT count(*) FROM outbox WHERE state = 'Failed'),
                    (SELECT count(*) FROM inbox WHERE dead_lettered_at IS NOT NULL)
                """);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var data = new Dictionary<string, object>
            {
                ["inboxPending"] = reader.GetInt64(0),
                ["inboxOldestPendingSeconds"] = reader.GetInt64(1),
                ["outboxBacklog"] = reader.GetInt64(2),
                ["outboxFailed"] = reader.GetInt64(3),
                ["deadLetters"] = reader.GetInt64(4),
            };
            return HealthCheckResult.Healthy(data: data);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("messaging tables unreadable", ex);
        }
    }
}
