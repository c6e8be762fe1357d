using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Tells <see cref="DatabaseOutage"/> of every database call that fails for an outage, and of every commit. On
/// PostgreSQL it also empties the connection pool
/// when the server drops a connection: after a restart every pooled connection is dead (the pool does not test them),
/// and each would otherwise fail one more request before it is thrown away.
/// </summary>
public sealed class DatabaseOutageInterceptor(DatabaseOutage outage) : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    /// <summary>
    /// EF Core logs every failed command, query and save as an error with its stack trace, which in an outage is one per
    /// request. A failure is logged once instead: by the exception handler (an unhandled one), by whoever handles it,
    /// or, for an outage, by <see cref="DatabaseOutage"/>; EF Core's own lines go to Debug.
    /// </summary>
    public static void LogFailuresOnce(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));

    // A commit is the proof that the database takes work again: a SQLite file locked by another process, or full, still
    // answers reads.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => outage.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        outage.Committed();
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception, command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, command.Connection);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception, connection);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, connection);
        return Task.CompletedTask;
    }

    // Not transaction.Connection: a transaction whose connection broke throws when asked for it.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Failed(eventData.Exception, eventData.Context?.Database.GetDbConnection());

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    private void Failed(Exception exception, DbConnection? connection)
    {
        if (!DbErrors.IsUnavailable(exception)) return;
        outage.Failed(exception);
        if (connection is NpgsqlConnection npgsql && DbErrors.IsDroppedConnection(exception)) NpgsqlConnection.ClearPool(npgsql);
    }
}
