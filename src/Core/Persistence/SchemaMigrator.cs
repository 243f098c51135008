using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace YouthMonth.Core.Persistence;

/// <summary>
/// Applies the ordered SQL scripts embedded from Persistence/Migrations (NNNN_name.sql) that the database has
/// not seen yet, each in its own transaction, under a PostgreSQL advisory lock so that two processes starting
/// at once never race. See docs/database.md for how to add the next script. The job engine's own schema
/// (Hangfire, schema "hangfire") is created or upgraded under the same lock, after the scripts: its installer
/// alone lets two hosts starting at once collide on its version row.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any constant works; it only has to be the same in every process of this product.
    private const long AdvisoryLockKey = 0x59_4D_53_43_48_45_4D_41; // "YMSCHEMA"

    public static IReadOnlyList<(string Version, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>How long a starting host keeps trying to reach the database before it gives up.</summary>
    public static readonly TimeSpan DefaultStartupWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <see cref="MigrateAsync"/> for a host's start: while the database cannot be reached (refused, not started
    /// yet, or the connection timing out on a loaded machine) it logs and tries again after 1, 2, 4 … 30 s, for up
    /// to <paramref name="maxWait"/>. A host that exited on its first timeout stayed down until someone restarted it.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateWhenReachableAsync(TimeSpan? maxWait = null, TimeProvider? clock = null,
        CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        var until = clock.GetUtcNow() + (maxWait ?? DefaultStartupWait);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MigrateAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));
                if (!Messaging.Faults.IsTransient(e) || clock.GetUtcNow() + wait > until) throw;
                logger.LogWarning("Database not reachable at start (attempt {Attempt}: {Error}); trying again in {Seconds} s",
                    attempt, e.Message, wait.TotalSeconds);
                await Task.Delay(wait, clock, ct);
            }
        }
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await Exec(conn, null, "SELECT pg_advisory_lock(@k)", ct, AdvisoryLockKey);
        try
        {
            await Exec(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new HashSet<string>();
            await using (var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));

            var done = new List<string>();
            foreach (var (version, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, sql, ct);
                await Exec(conn, tx, "INSERT INTO schema_migrations(version) VALUES (@k)", ct, version);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied schema migration {Version}", version);
                done.Add(version);
            }
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(conn, Scheduling.JobStorageSetup.Schema);
            return done;
        }
        finally
        {
            await Exec(conn, null, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, object? k = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        if (k is not null) cmd.Parameters.AddWithValue("k", k);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<(string, string)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "YouthMonth.Core.Persistence.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: n[prefix.Length..^4], Name: n))
            .OrderBy(x => x.Version, StringComparer.Ordinal)
            .Select(x => (x.Version, Read(assembly, x.Name)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
