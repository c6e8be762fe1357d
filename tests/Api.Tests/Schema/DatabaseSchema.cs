using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Schema;

/// <summary>A database's schema as comparable text, on the provider this run uses.</summary>
public static class DatabaseSchema
{
    /// <summary>Every table's columns (name, type, nullability, key or default) and every index and constraint, normalised.</summary>
    public static async Task<List<string>> ReadAsync(TestDatabase database)
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
                    """)).Select(Normalised),
            ];
    }

    /// <summary>
    /// A statement's text with its spacing made one: SQLite keeps a table's CREATE TABLE as written, and an ALTER TABLE
    /// ADD COLUMN splices its column in with spacing of its own (" , \"Units\" …)" where a created table has ", \"Units\" … )").
    /// </summary>
    private static string Normalised(string sql)
    {
        var words = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return words.Replace(" ,", ",", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);
    }

    /// <summary>The schema EF Core builds straight from the model (EnsureCreated), in a throw-away database.</summary>
    public static async Task<List<string>> OfModelAsync()
    {
        using var fromModel = TestDatabase.CreateEmpty();
        await using (var db = fromModel.OpenContext()) await db.Database.EnsureCreatedAsync();
        return await ReadAsync(fromModel);
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
}
