using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Schema;

/// <summary>
/// The migrations `dotnet ef` made build exactly the schema the EF model describes, on the provider this run uses
/// (test.sh runs the suite on SQLite, then on PostgreSQL when a server is available).
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly TestDatabase _migrated = TestDatabase.CreateEmpty();

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();

        var expected = await DatabaseSchema.OfModelAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DatabaseSchema.ReadAsync(_migrated));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();
        var first = await DatabaseSchema.ReadAsync(_migrated);
        await using (var db = _migrated.OpenContext()) await db.Database.MigrateAsync();
        Assert.Equal(first, await DatabaseSchema.ReadAsync(_migrated));
    }

    [Fact]
    public void Every_model_change_has_a_migration()
    {
        // The model snapshot is what `dotnet ef migrations add` last saw: a model that differs needs a migration.
        using var db = _migrated.OpenContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    public void Dispose() => _migrated.Dispose();
}
