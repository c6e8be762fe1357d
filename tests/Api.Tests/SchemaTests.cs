using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests;

/// <summary>The migrations are hand-written, so prove they build exactly the schema the EF model describes.</summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _migrated = Path.Combine(Path.GetTempPath(), $"schema-migrated-{Guid.NewGuid():N}.db");
    private readonly string _fromModel = Path.Combine(Path.GetTempPath(), $"schema-model-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migrated_sqlite_schema_matches_the_model()
    {
        await using (var db = Context(_migrated)) await db.Database.MigrateAsync();
        await using (var db = Context(_fromModel)) await db.Database.EnsureCreatedAsync();

        var expected = await SchemaOf(_fromModel);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaOf(_migrated));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using (var db = Context(_migrated)) await db.Database.MigrateAsync();
        var first = await SchemaOf(_migrated);
        await using (var db = Context(_migrated)) await db.Database.MigrateAsync();
        Assert.Equal(first, await SchemaOf(_migrated));
    }

    private static RestaurantDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<RestaurantDbContext>().UseSqlite($"Data Source={path}").Options);

    /// <summary>Every table's columns (name, type, nullability, key) and every index's definition, normalised.</summary>
    private static async Task<List<string>> SchemaOf(string path)
    {
        var schema = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                schema.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} notnull={reader.GetInt64(2)} pk={reader.GetInt64(3)}");
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type IN ('index', 'table') AND sql IS NOT NULL AND name NOT LIKE '__EFMigrations%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) schema.Add(string.Join(' ', reader.GetString(0).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        }
        return schema;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _migrated, _fromModel })
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
