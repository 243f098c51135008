using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace YouthMonth.Core.Scheduling;

/// <summary>The job engine's storage, shared by the Bot (which runs the server) and the Admin (dashboard, enqueueing).</summary>
public static class JobStorageSetup
{
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire.PostgreSql on the product database, schema <see cref="Schema"/>. The schema itself is created by
    /// <see cref="Persistence.SchemaMigrator"/> under its advisory lock, so the storage never prepares it.
    /// </summary>
    public static JobStorage Create(string connectionString, SchedulingOptions options)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = false,
            // A killed server's job goes to another server after this timeout; a live one keeps extending it.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
            QueuePollInterval = TimeSpan.FromSeconds(options.QueuePollSeconds),
            // LISTEN/NOTIFY: an enqueued job (a tick's send, the Admin's "send now") starts without waiting for the poll.
            EnableLongPolling = true,
            // The lock rows of a killed server would otherwise block the tick for Hangfire's default 10 minutes.
            DistributedLockTimeout = TimeSpan.FromSeconds(options.DistributedLockTimeoutSeconds),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }

    /// <summary>Serializer and logging settings every process using the storage must share.</summary>
    public static IGlobalConfiguration Configure(IGlobalConfiguration configuration, JobStorage storage) =>
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage);
}
