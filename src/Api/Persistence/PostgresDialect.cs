using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>
/// PostgreSQL, for several API nodes on one database: READ COMMITTED commands that lock the rows they change, so the
/// writers of one order queue on its row instead of failing and retrying, which keeps a hot table (many diners on one
/// order) free of errors; writers of different orders never wait for each other.
/// </summary>
public sealed class PostgresDialect : IDatabaseDialect
{
    /// <summary>The first key of the two-key advisory locks on orders (a key space apart from the one-key locks).</summary>
    private const int OrderLockSpace = 7461002;

    public int MinWorkerThreads => 0;

    /// <summary>No turn to wait for: each command locks only the rows it changes.</summary>
    public Task<IDisposable> EnterWriteGateAsync(CancellationToken ct) => Task.FromResult<IDisposable>(NoGate.Instance);

    public Task<IDbContextTransaction> BeginCommandTransactionAsync(RestaurantDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    /// <summary>
    /// The order's row, held to commit: every writer of the order reads what the previous one committed. An advisory
    /// lock on the order comes first because taking it draws no transaction id, while a row lock may draw one before it
    /// waits: so a transaction that locks its order before writing anything draws its id after the previous writer of
    /// the order committed, and its events are numbered after that writer's (PostgresEvents; otherwise it runs again).
    /// </summary>
    public Task LockOrderAsync(RestaurantDbContext db, string orderId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock({OrderLockSpace}, hashtext({orderId})); SELECT 1 FROM \"Orders\" WHERE \"Id\" = {orderId} FOR UPDATE", ct);

    /// <summary>The table's row, held to commit: phones of one table take turns, and each sees the code and order the last left.</summary>
    public Task LockTableAsync(RestaurantDbContext db, string tableId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Tables\" WHERE \"Id\" = {tableId} FOR UPDATE", ct);

    /// <summary>Tickets are numbered like events, from their transaction's id: the same horizon (PostgresEvents).</summary>
    public async Task<long?> KitchenTicketBoundAsync(RestaurantDbContext db, CancellationToken ct) => await PostgresEvents.TicketBoundAsync(db, ct);

    /// <summary>REPEATABLE READ, which never blocks a writer.</summary>
    public async Task<IAsyncDisposable> BeginSnapshotAsync(RestaurantDbContext db, CancellationToken ct) =>
        await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    public Task PrepareAsync(RestaurantDbContext db) => Task.CompletedTask;

    public Task AppendEventsAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct) =>
        PostgresEvents.AppendAsync(db, events, ct);

    public Task<EventPage> ReadEventsAsync(RestaurantDbContext db, long after, EventFilter filter, int limit, CancellationToken ct) =>
        PostgresEvents.ReadAsync(db, after, filter, limit, ct);

    public Task<long> EventHorizonAsync(RestaurantDbContext db, CancellationToken ct) => PostgresEvents.HorizonAsync(db, ct);

    public Task ListenForEventsAsync(string connectionString, Action heard, ILogger logger, CancellationToken ct) =>
        PostgresEvents.ListenAsync(connectionString, heard, logger, ct);

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
