using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// The migrations are hand-written, so prove they build exactly the schema the EF model describes, on the provider
/// this run uses (test.sh runs the suite on SQLite, then on PostgreSQL when a server is available).
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly TestDatabase _migrated = TestDatabase.CreateNew();
    private readonly TestDatabase _fromModel = TestDatabase.CreateNew();

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();
        await using (var db = _fromModel.OpenContext()) await db.Database.EnsureCreatedAsync();

        var expected = await SchemaOf(_fromModel);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaOf(_migrated));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();
        var first = await SchemaOf(_migrated);
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();
        Assert.Equal(first, await SchemaOf(_migrated));
    }

    /// <summary>Every table's columns (name, type, nullability, key or default) and every index and constraint, normalised.</summary>
    private static async Task<List<string>> SchemaOf(TestDatabase database)
    {
        await using var db = database.OpenContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        return TestDatabase.IsPostgres
            ? [
                .. await RowsAsync(connection, """
                    SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                           || ' nullable=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '-')
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
                    ORDER BY table_name, column_name
                    """),
                .. await RowsAsync(connection, """
                    SELECT indexname || ': ' || indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%' ORDER BY indexname
                    """),
                .. await RowsAsync(connection, """
                    SELECT conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrations%' ORDER BY conname
                    """),
            ]
            : [
                .. await RowsAsync(connection, """
                    SELECT m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
                    FROM sqlite_master m JOIN pragma_table_info(m.name) c
                    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
                    ORDER BY m.name, c.cid
                    """),
                .. (await RowsAsync(connection, """
                    SELECT sql FROM sqlite_master
                    WHERE type IN ('index', 'table') AND sql IS NOT NULL AND name NOT LIKE '__EFMigrations%' ORDER BY name
                    """)).Select(sql => string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))),
            ];
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    public void Dispose()
    {
        _migrated.Dispose();
        _fromModel.Dispose();
    }
}
