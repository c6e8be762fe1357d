using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

public enum CommitFault
{
    /// <summary>The connection fails as the commit is sent: nothing was committed.</summary>
    BeforeCommit,
    /// <summary>The database committed, and the connection failed before the answer came back.</summary>
    AfterCommit,
}

/// <summary>
/// Fails the next commit of a transaction that wrote order lines with the provider's own outage error (PostgreSQL's
/// 57P01, SQLite's disk I/O error), before or after the database committed: the two cases a client cannot tell apart.
/// </summary>
public sealed class FailingCommits : DbTransactionInterceptor
{
    private CommitFault? _armed;

    public void Arm(CommitFault fault) => _armed = fault;

    public void AddTo(IServiceCollection services)
    {
        if (TestDatabase.IsPostgres) services.ConfigureDbContext<PostgresRestaurantDbContext>(options => options.AddInterceptors(this));
        else services.ConfigureDbContext<RestaurantDbContext>(options => options.AddInterceptors(this));
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Take(CommitFault.BeforeCommit, eventData.Context)) throw Outage();
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Take(CommitFault.AfterCommit, eventData.Context)) throw Outage();
        return Task.CompletedTask;
    }

    private bool Take(CommitFault fault, DbContext? context)
    {
        if (_armed != fault || context is null || !context.ChangeTracker.Entries<Domain.Orders.OrderLine>().Any()) return false;
        _armed = null;
        return true;
    }

    private static Exception Outage() => TestDatabase.IsPostgres
        ? new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)
        : new SqliteException("disk I/O error", 10, 10);
}
