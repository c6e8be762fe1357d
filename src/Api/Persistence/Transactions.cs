using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>How a command's transaction begins, and its turn at the write lock, on the host's store (<see cref="IDatabaseDialect"/>).</summary>
public static class Transactions
{
    /// <summary>
    /// A transaction for one command: on SQLite BEGIN IMMEDIATE, on PostgreSQL READ COMMITTED with the changed rows
    /// locked (<see cref="OrderQueries.LoadOrderForChangeAsync"/>).
    /// </summary>
    public static Task<IDbContextTransaction> BeginCommandTransactionAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Dialect.BeginCommandTransactionAsync(db, ct);

    /// <summary>On SQLite, waits for this host's turn at the file's write lock (<see cref="SqliteWriteGate"/>).</summary>
    public static Task<IDisposable> EnterWriteGateAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Dialect.EnterWriteGateAsync(ct);
}
