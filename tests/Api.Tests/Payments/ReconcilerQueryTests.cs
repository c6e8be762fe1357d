using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Payments;

/// <summary>Reconciliation reads pending tenders through their partial index, never by scanning every payment.</summary>
public sealed class ReconcilerQueryTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"restaurant-plan-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_pending_tenders_query_uses_the_partial_index()
    {
        await using var db = new RestaurantDbContext(new DbContextOptionsBuilder<RestaurantDbContext>().UseSqlite($"Data Source={_database}").Options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");

        await using var command = PaymentReconciler.PendingTenders(db, DateTimeOffset.UtcNow).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal("detail")));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Tenders_Status"));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN") && !step.Contains("USING INDEX"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}
