using Microsoft.EntityFrameworkCore.Storage;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Everything that differs between the stores the API runs on, in one place per store (<see cref="SqliteDialect"/>,
/// <see cref="PostgresDialect"/>): how a command's transaction begins and locks what it changes, how a read sees one
/// snapshot, and what the process and the database need at start. One per host, chosen by AddPersistence; the
/// extension methods on <see cref="RestaurantDbContext"/> (Transactions, Snapshots, OrderQueries) go through it.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>The pool threads the process should be able to start at once (Program.cs sets it at start); 0: no change.</summary>
    int MinWorkerThreads { get; }

    /// <summary>Waits for this host's turn to write, where the store has one write lock for everyone; disposing it ends the turn.</summary>
    Task<IDisposable> EnterWriteGateAsync(CancellationToken ct);

    /// <summary>The transaction one command runs in.</summary>
    Task<IDbContextTransaction> BeginCommandTransactionAsync(RestaurantDbContext db, CancellationToken ct);

    /// <summary>Inside a command transaction: makes the other writers of this order wait until it commits.</summary>
    Task LockOrderAsync(RestaurantDbContext db, string orderId, CancellationToken ct);

    /// <summary>
    /// Inside a command transaction: makes the other writers of this table (phones opening or joining its order, staff
    /// re-coding or deleting it) wait until it commits.
    /// </summary>
    Task LockTableAsync(RestaurantDbContext db, string tableId, CancellationToken ct);

    /// <summary>
    /// In a snapshot: the kitchen's tickets numbered below this have all committed (or never will), so a kitchen paging
    /// with ?after= may take them without skipping one that commits late; null when every ticket seen may be taken.
    /// </summary>
    Task<long?> KitchenTicketBoundAsync(RestaurantDbContext db, CancellationToken ct);

    /// <summary>A read-only transaction whose queries all see one snapshot, and which blocks no writer.</summary>
    Task<IAsyncDisposable> BeginSnapshotAsync(RestaurantDbContext db, CancellationToken ct);

    /// <summary>At start, on an open connection, before the migrations run.</summary>
    Task PrepareAsync(RestaurantDbContext db);

    /// <summary>
    /// Inside a command transaction, just before it commits: writes its events, numbered so that readers are handed
    /// them in an order no later commit can cut into (and, where the store can, tells the other nodes at commit).
    /// </summary>
    Task AppendEventsAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/> in position order, only those that no event
    /// still in flight can come before: a reader that resumes after the last one it got never skips a late commit.
    /// </summary>
    Task<EventPage> ReadEventsAsync(RestaurantDbContext db, long after, EventFilter filter, int limit, CancellationToken ct);

    /// <summary>A position every event to come will be after: where a reader that wants only new events starts.</summary>
    Task<long> EventHorizonAsync(RestaurantDbContext db, CancellationToken ct);

    /// <summary>
    /// Calls <paramref name="heard"/> whenever another node may have committed events, until <paramref name="ct"/> ends;
    /// completes at once where the store cannot tell (the reader then relies on polling).
    /// </summary>
    Task ListenForEventsAsync(string connectionString, Action heard, ILogger logger, CancellationToken ct);
}
