using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>How a command's transaction begins, and its turn at the write lock, on the host's store (<see cref="IDatabaseDialect"/>).</summary>
public static class Transactions
{
    /// <summary>
    /// A transaction for one command: on SQLite BEGIN IMMEDIATE, on PostgreSQL READ COMMITTED with the changed rows
    /// locked (<see cref="OrderQueries.LoadOrderForChangeAsync"/>).
    /// <para>
    /// A command's transaction is all or nothing (a failure rolls it back whole), so SaveChanges sets no savepoints in it:
    /// a round trip less per save, and a connection lost while releasing one is not mistaken for a save that worked
    /// (EF Core ignores a release that fails, and the next statement would meet a transaction that is already gone).
    /// </para>
    /// </summary>
    public static Task<IDbContextTransaction> BeginCommandTransactionAsync(this RestaurantDbContext db, CancellationToken ct)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Dialect.BeginCommandTransactionAsync(db, ct);
    }

    /// <summary>On SQLite, waits for this host's turn at the file's write lock (<see cref="SqliteWriteGate"/>).</summary>
    public static Task<IDisposable> EnterWriteGateAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Dialect.EnterWriteGateAsync(ct);
}
