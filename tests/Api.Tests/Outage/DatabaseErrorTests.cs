using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Tests.Outage;

/// <summary>
/// Which database failures are an outage (503, wait and repeat), which are contention (retried inside the server), and
/// which are neither, as the drivers raise them and as EF Core wraps them. The outages that cannot be staged cheaply
/// (a failing disk, a server out of connections) are classified here; the others are staged for real in
/// <see cref="SqliteOutageTests"/> and the history checks.
/// </summary>
public sealed class DatabaseErrorTests
{
    [Theory]
    [InlineData(5, 5)] // SQLITE_BUSY: locked past the lock timeout
    [InlineData(6, 6)] // SQLITE_LOCKED
    [InlineData(10, 10)] // SQLITE_IOERR
    [InlineData(10, 778)] // SQLITE_IOERR_WRITE
    [InlineData(13, 13)] // SQLITE_FULL
    [InlineData(14, 14)] // SQLITE_CANTOPEN
    public void A_locked_full_or_failing_sqlite_file_is_an_outage_a_fresh_connection_does_not_cure(int code, int extendedCode)
    {
        var failure = new SqliteException("SQLite failed", code, extendedCode);

        Assert.True(DbErrors.IsUnavailable(failure));
        Assert.True(DbErrors.IsUnavailable(new DbUpdateException("An error occurred while saving the entity changes.", failure)));
        Assert.False(DbErrors.IsContention(failure));
        Assert.False(DbErrors.IsDroppedConnection(failure));
    }

    [Theory]
    [InlineData(5, 517)] // SQLITE_BUSY_SNAPSHOT: another writer overtook this read
    [InlineData(19, 2067)] // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(19, 1555)] // SQLITE_CONSTRAINT_PRIMARYKEY
    public void A_sqlite_race_with_another_writer_is_contention_not_an_outage(int code, int extendedCode)
    {
        var failure = new SqliteException("SQLite refused", code, extendedCode);

        Assert.True(DbErrors.IsContention(failure));
        Assert.False(DbErrors.IsUnavailable(failure));
    }

    [Theory]
    [InlineData("57P01")] // admin_shutdown: pg_ctl stop -m fast
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up, in recovery
    [InlineData("08006")] // connection_failure
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("53300")] // too_many_connections
    [InlineData("53100")] // disk_full
    [InlineData("58030")] // io_error
    public void A_postgres_server_that_is_down_restarting_or_out_of_resources_is_an_outage(string sqlState)
    {
        var failure = new PostgresException("unavailable", "FATAL", "FATAL", sqlState);

        Assert.True(DbErrors.IsUnavailable(failure));
        Assert.True(DbErrors.IsUnavailable(new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.", failure)));
        Assert.False(DbErrors.IsContention(failure));
    }

    [Theory]
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    [InlineData("23505")] // unique_violation
    [InlineData("55P03")] // lock_not_available
    public void A_postgres_race_with_another_writer_is_contention_not_an_outage(string sqlState)
    {
        var failure = new PostgresException("refused", "ERROR", "ERROR", sqlState);

        Assert.True(DbErrors.IsContention(failure));
        Assert.False(DbErrors.IsUnavailable(failure));
    }

    public static TheoryData<Exception> DriverFailures() => new()
    {
        new SocketException((int)SocketError.ConnectionRefused),
        new EndOfStreamException("Attempted to read past the end of the stream."),
        new IOException("Unable to read data from the transport connection: Connection reset by peer."),
        new TimeoutException("Timeout during connection attempt"),
    };

    [Theory]
    [MemberData(nameof(DriverFailures))]
    public void A_postgres_connection_refused_dropped_or_timed_out_is_an_outage_a_fresh_connection_may_cure(Exception cause)
    {
        var failure = new NpgsqlException("Failed to connect to 127.0.0.1:5432", cause);

        Assert.True(DbErrors.IsUnavailable(failure));
        Assert.True(DbErrors.IsDroppedConnection(failure));
        Assert.True(DbErrors.IsUnavailable(new DbUpdateException("An error occurred while saving the entity changes.", failure)));
    }

    [Fact]
    public void Failures_that_are_not_the_database_are_not_an_outage()
    {
        Assert.False(DbErrors.IsUnavailable(new IOException("The card gateway's connection was reset.")));
        Assert.False(DbErrors.IsUnavailable(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(DbErrors.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DbErrors.IsUnavailable(new PostgresException("invalid input syntax", "ERROR", "ERROR", "22P02")));
        Assert.False(DbErrors.IsUnavailable(new SqliteException("constraint failed", 19, 787)));
    }

    [Fact]
    public void A_commit_whose_outcome_is_unknown_is_answered_503_like_an_outage()
    {
        var failure = new WriteOutcomeUnknownException(new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"));

        Assert.True(DatabaseOutage.Covers(failure));
        Assert.True(DbErrors.IsUnavailable(failure));
    }
}
