using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Restaurant.Api.Infrastructure;

public static class DbErrors
{
    /// <summary>
    /// The database refused the work because another writer got there first: a lost optimistic check, a lock
    /// it would not wait for, or a unique index another transaction just claimed. Running the command again
    /// (which reads the new state) is the right answer to all of them.
    /// </summary>
    public static bool IsContention(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsContention(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        // Serialization failure, deadlock, unique violation, lock not available.
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };
}
