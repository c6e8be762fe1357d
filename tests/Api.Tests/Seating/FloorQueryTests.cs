using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Tables;
using Restaurant.Api.Persistence;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Seating;

/// <summary>
/// The floor's background and hot reads go through partial indexes, never a scan of every order the restaurant ever
/// served: the abandoned-order sweep through open orders by last change, the floor and a table's lookup through the
/// one-active-order-a-table index.
/// </summary>
public sealed class FloorQueryTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateNew();

    [Fact]
    public async Task The_abandoned_order_query_can_use_the_index_of_open_orders_by_last_change()
    {
        var plan = await PlanAsync(db => AbandonedOrderSweep.Candidates(db, DateTimeOffset.UtcNow, (DateTimeOffset.UtcNow, "x")).CreateDbCommand());

        AssertUses(plan, "IX_Orders_LastChangedAt");
        AssertNoScan(plan);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("5")]
    public async Task The_active_orders_of_the_floor_or_a_table_can_use_the_one_active_order_index(string? table)
    {
        var plan = await PlanAsync(db => TableView.ActiveOrderRows(db, table).CreateDbCommand());

        AssertUses(plan, "IX_Orders_Table");
        AssertNoScan(plan);
    }

    [Fact]
    public async Task A_tables_active_order_id_can_use_the_one_active_order_index()
    {
        var plan = await PlanAsync(db => db.Orders.AsNoTracking().Active().Where(o => o.Table == "5").Select(o => o.Id).CreateDbCommand());

        AssertUses(plan, "IX_Orders_Table");
        AssertNoScan(plan);
    }

    private static void AssertNoScan(List<string> plan) =>
        Assert.DoesNotContain(plan, step => step.Contains("Seq Scan") || (step.StartsWith("SCAN") && !step.Contains("USING") && !step.Contains("INDEX")));

    private static void AssertUses(List<string> plan, string index) =>
        Assert.True(plan.Any(step => step.Contains(index) && !step.StartsWith("query: ")), $"{index} is not in the plan: {string.Join(" | ", plan)}");

    private async Task<List<string>> PlanAsync(Func<RestaurantDbContext, DbCommand> query)
    {
        await using var db = _database.OpenContext();
        await db.Database.OpenConnectionAsync();
        // On empty tables PostgreSQL's planner would rightly scan; forbid that, to see that the index serves the query.
        await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? "SET enable_seqscan = off" : "ANALYZE");
        await using var command = query(db);
        var sql = command.CommandText;
        command.CommandText = (TestDatabase.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
        var plan = new List<string> { "query: " + sql };
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal(TestDatabase.IsPostgres ? "QUERY PLAN" : "detail")));
        return plan;
    }

    public void Dispose() => _database.Dispose();
}
