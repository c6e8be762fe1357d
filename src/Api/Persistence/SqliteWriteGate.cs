using System.Collections.Concurrent;

namespace Restaurant.Api.Persistence;

/// <summary>
/// SQLite has one write lock per database file, and a writer that finds it taken sleeps in the busy handler (1 to 100
/// ms at a time), so under load the lock often stands idle while writers sleep. Writers of this process queue here
/// instead and are woken the moment the lock is free. Correctness never rests on this gate: other processes still
/// meet SQLite's own lock (BEGIN IMMEDIATE, busy_timeout), and the order version checks stay in every write.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string databaseFile, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(databaseFile), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Pass(gate);
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
