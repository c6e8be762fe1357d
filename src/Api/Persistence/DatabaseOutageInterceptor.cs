using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Tells <see cref="DatabaseOutage"/> how every database call ends. On PostgreSQL it also empties the connection pool
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

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        outage.Succeeded();
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        outage.Succeeded();
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        outage.Succeeded();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        outage.Succeeded();
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        outage.Succeeded();
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        outage.Succeeded();
        return ValueTask.FromResult(result);
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

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData.Exception, transaction.Connection);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, transaction.Connection);
        return Task.CompletedTask;
    }

    private void Failed(Exception exception, DbConnection? connection)
    {
        if (!DbErrors.IsUnavailable(exception)) return;
        outage.Failed(exception);
        if (connection is NpgsqlConnection npgsql && DbErrors.IsDroppedConnection(exception)) NpgsqlConnection.ClearPool(npgsql);
    }
}
