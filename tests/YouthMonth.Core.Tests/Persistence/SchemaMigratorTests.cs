using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Two_processes_migrating_an_empty_database_at_once_apply_each_script_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrated: false);
        // Separate data sources: as two hosts starting side by side would have.
        await using var a = NpgsqlDataSource.Create(db.ConnectionString);
        await using var b = NpgsqlDataSource.Create(db.ConnectionString);
        var results = await Task.WhenAll(
            new SchemaMigrator(a, NullLogger<SchemaMigrator>.Instance).MigrateAsync(),
            new SchemaMigrator(b, NullLogger<SchemaMigrator>.Instance).MigrateAsync());

        Assert.Equal(SchemaMigrator.Scripts.Count, results[0].Count + results[1].Count);
        Assert.Equal(SchemaMigrator.Scripts.Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reports'"));
        // The job engine's schema, created under the same lock: complete, one version row.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") >= 12);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM hangfire.schema"));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var applied = await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        Assert.Empty(applied);
    }
}
