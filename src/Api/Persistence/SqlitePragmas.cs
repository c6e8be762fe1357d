using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Per-connection SQLite settings: wait for the write lock (up to the lock timeout) instead of failing at once, and
/// (in WAL mode) sync at checkpoints, which keeps every committed write across a killed process. Set once per pooled
/// native connection, not on every open.
/// </summary>
public sealed class SqlitePragmas(TimeSpan lockTimeout) : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock another process holds before the request is answered 503.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private readonly string _pragmas =
        $"PRAGMA busy_timeout = {(long)lockTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    /// <summary>
    /// The connection string for <paramref name="lockTimeout"/>: Microsoft.Data.Sqlite also retries a busy statement
    /// itself until its command timeout (whole seconds, 0 meaning never), so that timeout is set to match.
    /// </summary>
    public static string WithLockTimeout(string connectionString, TimeSpan lockTimeout) =>
        new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockTimeout.TotalSeconds)) }.ToString();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The pool hands out the same native handle again; its settings stay with it.
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
