using System.Net;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Schema;

/// <summary>
/// Databases made by the hand-written migrations the API shipped before `dotnet ef` made them (kept in Schema/Legacy)
/// upgrade to the generated ones: each generated migration has the id of the one it replaces, so a database's history
/// already names it.
/// </summary>
public sealed class SchemaUpgradeTests
{
    /// <summary>The last hand-written migration a database may have applied, on the provider this run uses.</summary>
    public static TheoryData<string> LegacyStates() => TestDatabase.IsPostgres
        ? new TheoryData<string> { "20261122010000_Initial" }
        : new TheoryData<string> { "20261121000000_Initial", "20261122000000_Payments" };

    [Theory, MemberData(nameof(LegacyStates))]
    public async Task Only_what_a_legacy_database_lacks_is_pending(string lastApplied)
    {
        using var database = await LegacyDatabaseAsync(lastApplied);
        await using var db = database.OpenContext();

        var all = db.Database.GetMigrations().ToList();
        Assert.Contains(lastApplied, all);
        Assert.Equal(all.SkipWhile(id => id != lastApplied).Skip(1), await db.Database.GetPendingMigrationsAsync());
    }

    [Theory, MemberData(nameof(LegacyStates))]
    public async Task A_legacy_database_upgrades_to_the_models_schema(string lastApplied)
    {
        using var database = await LegacyDatabaseAsync(lastApplied);

        await using (var db = database.OpenContext()) await db.Database.MigrateAsync();

        Assert.Equal(await DatabaseSchema.OfModelAsync(), await DatabaseSchema.ReadAsync(database));
    }

    [Theory, MemberData(nameof(LegacyStates))]
    public async Task The_API_starts_on_a_legacy_database_and_takes_orders(string lastApplied)
    {
        using var api = new RestaurantApi(await LegacyDatabaseAsync(lastApplied));

        var table = await TableSession.OpenAsync(api, Tables.Unique("legacy"));
        Assert.Equal(HttpStatusCode.OK, (await table.AddAsync(TableSession.Item("coffee"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync()).StatusCode);
    }

    /// <summary>A new database as the API left it when its hand-written migrations had run up to <paramref name="lastApplied"/>.</summary>
    private static async Task<TestDatabase> LegacyDatabaseAsync(string lastApplied)
    {
        var database = TestDatabase.CreateNew();
        try
        {
            await using var db = database.OpenContext(migrationsAssembly: typeof(SchemaUpgradeTests).Assembly);
            await db.Database.MigrateAsync(lastApplied);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
