using Microsoft.EntityFrameworkCore;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Persistence;

/// <summary>
/// The hand-written migration scripts and the EF model must describe the same schema: otherwise a query works in
/// one and fails in the other. Builds one database from the scripts and one from the model and compares them.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    private const string ColumnsSql = """
        SELECT string_agg(table_name || '.' || column_name || ':' || data_type || ':' || is_nullable
                          || ':' || coalesce(character_maximum_length::text, ''), E'\n' ORDER BY table_name, column_name)
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations') AND table_name NOT LIKE 'qrtz%'
        """;

    private const string IndexesSql = """
        SELECT string_agg(tablename || ':' || regexp_replace(indexdef, '^.* USING ', ''), E'\n' ORDER BY tablename, indexdef)
        FROM pg_indexes
        WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations') AND tablename NOT LIKE 'qrtz%'
        """;

    [Fact]
    public async Task Migrated_schema_has_the_same_columns_and_indexes_as_the_EF_model()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        await using var fromModel = await TestDatabase.CreateAsync(migrated: false);
        await using (var db = fromModel.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());

        Assert.Equal(await fromModel.ScalarAsync<string>(ColumnsSql), await migrated.ScalarAsync<string>(ColumnsSql));
        Assert.Equal(await fromModel.ScalarAsync<string>(IndexesSql), await migrated.ScalarAsync<string>(IndexesSql));
    }
}
