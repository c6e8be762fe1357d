namespace Restaurant.Api.Persistence;

/// <summary>
/// SQLite has one write lock per database file, and a writer that finds it taken sleeps in the busy handler (1 to 100
/// ms at a time), so under load the lock often stands idle while writers sleep. Writers of this host queue here
/// instead and are woken the moment the lock is free. Correctness never rests on this gate: other processes (and
/// other hosts) still meet SQLite's own lock (BEGIN IMMEDIATE, busy_timeout), and the order version checks stay in
/// every write. One per host, held by <see cref="SqliteDialect"/>.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Pass(_gate);
    }

    private sealed class Pass(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
