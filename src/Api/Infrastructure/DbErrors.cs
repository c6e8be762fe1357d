using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>What a database failure means for the request, for both providers: the one place that reads their codes.</summary>
public static class DbErrors
{
    // SQLite primary result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;
    private const int SqliteBusySnapshot = 517, SqlitePrimaryKey = 1555, SqliteUnique = 2067;

    /// <summary>
    /// The database refused the work because another writer got there first: a lost optimistic check, a lock
    /// it would not wait for, or a unique index another transaction just claimed. Running the command again
    /// (which reads the new state) is the right answer to all of them.
    /// </summary>
    public static bool IsContention(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        LateEventNumberException => true,
        DbUpdateException { InnerException: { } inner } => IsContention(inner),
        // A read snapshot that another writer overtook, or a unique index. (A plain busy lock is not here: the
        // driver has already waited out the lock timeout for it, so it is an outage, below.)
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteBusySnapshot or SqlitePrimaryKey or SqliteUnique,
        // Serialization failure, deadlock, unique violation, lock not available.
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };

    /// <summary>
    /// The database cannot do any work right now, whatever the request: unreachable, shutting down or starting up,
    /// out of connections, out of disk, failing I/O, or (SQLite) its file locked by another process for longer than
    /// the lock timeout. Such a failure says nothing about the request, and it passes when the database is back.
    /// EF Core's wrappers ("likely due to a transient failure", DbUpdateException) are looked through.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => DriverFailure(exception) switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // The driver's own failures: a refused or dropped connection, a timeout reaching the server or the pool.
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException or TimeoutException || npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode != SqliteBusySnapshot
            && (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen,
        _ => false,
    };

    /// <summary>
    /// An outage that a fresh connection may already be past: the server dropped this one (a restart, a failover)
    /// or could not be reached a moment ago. A locked or full SQLite file is not: the same file fails the same way.
    /// </summary>
    public static bool IsDroppedConnection(Exception exception) =>
        DriverFailure(exception) is NpgsqlException && IsUnavailable(exception);

    /// <summary>The driver's own words for a database failure, on one line (for a log line without a stack trace).</summary>
    public static string Describe(Exception exception) => DriverFailure(exception) switch
    {
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}",
        { InnerException: { } inner } driver => $"{driver.Message} ({inner.GetType().Name}: {inner.Message})",
        { } driver => driver.Message,
        null => $"{exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>The driver's exception under EF Core's wrappers, if the failure came from a database at all.</summary>
    private static Exception? DriverFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            if (current is NpgsqlException or SqliteException) return current;
        return null;
    }

    /// <summary>
    /// Class 08 (connection exception), 53 (insufficient resources: disk full, out of memory, too many connections),
    /// 57P01-57P03 (administrator or crash shutdown, cannot connect now: starting up, in recovery) and 58030 (I/O error).
    /// </summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or "58030";
}
