using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
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

    [Theory, MemberData(nameof(LegacyStates))]
    public async Task An_order_opened_before_tables_existed_keeps_its_token_and_its_diner_can_go_on(string lastApplied)
    {
        var database = await LegacyDatabaseAsync(lastApplied);
        var (orderId, token) = (Guid.CreateVersion7().ToString("N"), Access.NewAccessToken());
        await using (var db = database.OpenContext(migrationsAssembly: typeof(SchemaUpgradeTests).Assembly))
        {
            // The order as that API stored it: its one token's hash on the order itself.
            var now = DateTimeOffset.UtcNow;
            object createdAt = TestDatabase.IsPostgres ? now : now.UtcTicks;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "Orders" ("Id", "Table", "Guests", "Status", "CreatedAt", "AccessTokenHash", "Version", "Bill", "Paid") VALUES ({orderId}, 'T9', NULL, 'Open', {createdAt}, {Access.Hash(token)}, 0, NULL, 0)""");
        }
        using var api = new RestaurantApi(database);

        var diner = api.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await diner.GetAsync($"/orders/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await diner.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { TableSession.Item("tea") } })).StatusCode);
        // Its table is still held, and the restaurant, which had orders of its own, sets its real floor up itself.
        Assert.Empty(await (await api.Staff().GetAsync("/tables")).ReadJsonArrayAsync());
        await Floor.SetUpAsync(api, "T9");
        var busy = await api.Staff().PostAsJsonAsync("/orders", new { table = "T9" });
        Assert.Equal(orderId, (await busy.AssertProblemAsync(HttpStatusCode.Conflict, "table_busy"))["orderId"].Text());
    }

    /// <summary>A new database as the API left it when its hand-written migrations had run up to <paramref name="lastApplied"/>.</summary>
    private static async Task<TestDatabase> LegacyDatabaseAsync(string lastApplied)
    {
        var database = TestDatabase.CreateEmpty();
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
