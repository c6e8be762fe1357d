using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Payments;

/// <summary>Reconciliation reads pending tenders through their partial index, never by scanning every payment.</summary>
public sealed class ReconcilerQueryTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateNew();

    [Fact]
    public async Task The_pending_tenders_query_can_use_the_partial_index()
    {
        await using var db = _database.OpenContext();
        await db.Database.OpenConnectionAsync();
        // On an empty table PostgreSQL's planner would rightly scan it; forbid that, to see that the index serves the query.
        await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? "SET enable_seqscan = off" : "ANALYZE");

        await using var command = PaymentReconciler.PendingTenders(db, DateTimeOffset.UtcNow).CreateDbCommand();
        command.CommandText = (TestDatabase.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal(TestDatabase.IsPostgres ? "QUERY PLAN" : "detail")));

        Assert.Contains(plan, step => step.Contains("IX_Tenders_Status"));
        Assert.DoesNotContain(plan, step => step.Contains("Seq Scan") || (step.StartsWith("SCAN") && !step.Contains("USING INDEX")));
    }

    public void Dispose() => _database.Dispose();
}
