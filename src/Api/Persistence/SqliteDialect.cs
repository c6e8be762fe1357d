using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>
/// SQLite: one write lock for the whole file, taken up front by every command, so a command needs no row locks; WAL,
/// so readers never wait for the writer.
/// </summary>
public sealed class SqliteDialect : IDatabaseDialect
{
    private readonly SqliteWriteGate _writeGate = new();

    /// <summary>
    /// Microsoft.Data.Sqlite is synchronous underneath: a writer waiting for the lock blocks a pool thread. The pool
    /// may start this many at once, so the writer holding the lock always gets one back to commit.
    /// </summary>
    public int MinWorkerThreads => 128;

    /// <summary>This host's turn at the file's write lock (<see cref="SqliteWriteGate"/>).</summary>
    public Task<IDisposable> EnterWriteGateAsync(CancellationToken ct) => _writeGate.EnterAsync(ct);

    /// <summary>
    /// BEGIN IMMEDIATE (Serializable in Microsoft.Data.Sqlite): it takes the write lock up front, waiting under
    /// busy_timeout, whereas a deferred transaction that reads and then writes fails at once when another writer
    /// committed in between.
    /// </summary>
    public Task<IDbContextTransaction> BeginCommandTransactionAsync(RestaurantDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);

    /// <summary>Nothing to do: the command transaction already holds the database's single write lock.</summary>
    public Task LockOrderAsync(RestaurantDbContext db, string orderId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Nothing to do: the command transaction already holds the database's single write lock.</summary>
    public Task LockTableAsync(RestaurantDbContext db, string tableId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>None: with one writer at a time, tickets are numbered in commit order.</summary>
    public Task<long?> KitchenTicketBoundAsync(RestaurantDbContext db, CancellationToken ct) => Task.FromResult<long?>(null);

    /// <summary>A deferred BEGIN, which takes no lock until it reads and never blocks the writer (WAL).</summary>
    public async Task<IAsyncDisposable> BeginSnapshotAsync(RestaurantDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new Snapshot(db, transaction);
    }

    /// <summary>WAL lets readers run beside the one writer; the mode is stored in the database file.</summary>
    public Task PrepareAsync(RestaurantDbContext db) => db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");

    public Task AppendEventsAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct) =>
        SqliteEvents.AppendAsync(db, events, ct);

    public Task<EventPage> ReadEventsAsync(RestaurantDbContext db, long after, EventFilter filter, int limit, CancellationToken ct) =>
        SqliteEvents.ReadAsync(db, after, filter, limit, ct);

    public Task<long> EventHorizonAsync(RestaurantDbContext db, CancellationToken ct) => SqliteEvents.HorizonAsync(db, ct);

    /// <summary>SQLite cannot tell one process of another's commits: the reader polls.</summary>
    public Task ListenForEventsAsync(string connectionString, Action heard, ILogger logger, CancellationToken ct) => Task.CompletedTask;

    private sealed class Snapshot(RestaurantDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
