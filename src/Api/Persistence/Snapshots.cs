namespace Restaurant.Api.Persistence;

/// <summary>Consistent reads that block no writer.</summary>
public static class Snapshots
{
    /// <summary>
    /// A read-only transaction whose queries all see one snapshot: on SQLite a deferred BEGIN, on PostgreSQL REPEATABLE
    /// READ; neither ever blocks a writer.
    /// </summary>
    public static Task<IAsyncDisposable> BeginSnapshotAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Dialect.BeginSnapshotAsync(db, ct);
}
