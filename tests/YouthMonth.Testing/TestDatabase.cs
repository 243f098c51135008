using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Testing;

/// <summary>
/// A fresh, fully migrated PostgreSQL database for one test class (or one test), cloned from a template that
/// is migrated once per test process. The server comes from YOUTHMONTH_TEST_PG (an admin connection string,
/// set by scripts/test.sh); the database is dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateName;

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        // As the hosts build it (statements auto-prepared), so the tests run what production runs.
        DataSource = YouthMonth.Core.CoreServices.DataSourceBuilder(connectionString).Build();
    }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG")
        ?? throw new InvalidOperationException(
            "YOUTHMONTH_TEST_PG is not set. Run the tests with scripts/test.sh (see README), which starts PostgreSQL.");

    /// <summary>Creates an empty, migrated database.</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrated = true)
    {
        var name = $"ym_t_{Guid.NewGuid():N}"[..30];
        var template = migrated ? await EnsureTemplateAsync() : "template0";
        await AdminExec($"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(name, WithDatabase(name));
    }

    public YouthMonthDb CreateDbContext()
    {
        var options = CoreServices.ConfigureDb(new DbContextOptionsBuilder<YouthMonthDb>(), DataSource).Options;
        return new YouthMonthDb((DbContextOptions<YouthMonthDb>)options);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return await cmd.ExecuteNonQueryAsync();
    }

    public static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, MaxPoolSize = 20 }.ConnectionString;

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_templateName is not null) return _templateName;
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null) return _templateName;
            var name = $"ym_tpl_{Guid.NewGuid():N}"[..30];
            await AdminExec($"CREATE DATABASE {name}");
            var cs = WithDatabase(name);
            await using (var ds = NpgsqlDataSource.Create(cs))
                await new SchemaMigrator(ds, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            NpgsqlConnection.ClearAllPools();
            _templateName = name;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
            return name;
        }
        finally { TemplateLock.Release(); }
    }

    private static async Task AdminExec(string sql)
    {
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void DropQuietly(string name)
    {
        try { AdminExec($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult(); }
        catch (NpgsqlException) { /* the test script drops leftovers before the next run */ }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        DropQuietly(Name);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
