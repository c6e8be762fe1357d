using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>How a command's transaction begins, and its turn at the write lock.</summary>
public static class Transactions
{
    /// <summary>
    /// A transaction for one command. On SQLite it is BEGIN IMMEDIATE (Serializable in Microsoft.Data.Sqlite): it takes
    /// the write lock up front, waiting under busy_timeout, whereas a deferred transaction that reads and then writes
    /// fails at once when another writer committed in between. On PostgreSQL it is READ COMMITTED, and a command locks
    /// the rows it changes (<see cref="OrderQueries.LoadOrderForChangeAsync"/>): writers of one order queue on its row
    /// instead of failing and retrying, which keeps a hot table (many diners on one order) free of errors.
    /// </summary>
    public static Task<IDbContextTransaction> BeginCommandTransactionAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(db.Database.IsSqlite() ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted, ct);

    /// <summary>On SQLite, waits for this host's turn at the file's write lock (<see cref="SqliteWriteGate"/>).</summary>
    public static async Task<IDisposable> EnterWriteGateAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Database.IsSqlite() ? await db.GetService<SqliteWriteGate>().EnterAsync(ct) : NoGate.Instance;

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
