using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Restaurant.Api.Persistence;

/// <summary>Consistent reads that block no writer.</summary>
public static class Snapshots
{
    /// <summary>
    /// A read-only transaction whose queries all see one snapshot. On SQLite a deferred BEGIN, which takes no lock
    /// until it reads and never blocks the writer (WAL); on PostgreSQL REPEATABLE READ, which never blocks either.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(this RestaurantDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(RestaurantDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
