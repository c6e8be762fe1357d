using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Ready means a write would get through now: the database answers and grants the lock a command takes within
/// <c>Health:ReadyTimeout</c>, and a menu is stored. Otherwise /health/ready answers 503, so a load balancer takes a
/// node whose writes are stuck out of rotation. The probe runs on a connection of its own and rolls back: it writes
/// nothing, and it never shares a pooled context with a request (a probe that overran may still be finishing).
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseHealthCheck.WriteProbe probe, TimeSpan timeout) : IHealthCheck
{
    /// <summary>Takes the provider's write lock, waiting at most the timeout; answers whether a menu is stored.</summary>
    public delegate Task<bool> WriteProbe(TimeSpan timeout, CancellationToken ct);

    public static DatabaseHealthCheck For(bool sqlite, string connectionString, TimeSpan timeout) =>
        new(sqlite ? (t, ct) => SqliteProbeAsync(connectionString, t, ct) : (t, ct) => PostgresProbeAsync(connectionString, t, ct), timeout);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // On a thread of its own (SQLite's driver blocks), and given up on at the timeout even if the database
            // never answers at all; the probe's own lock timeouts end it soon after.
            var menuStored = await Task.Run(() => probe(timeout, cancellationToken), cancellationToken).WaitAsync(timeout, cancellationToken);
            return menuStored ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No menu is stored.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The database did not grant a write within {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database did not grant a write.", exception);
        }
    }

    /// <summary>BEGIN IMMEDIATE, as a command does, with busy waits bounded by the timeout; then rolled back.</summary>
    private static async Task<bool> SqliteProbeAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        // Not pooled: the busy timeout set here must not stay on a connection that commands use later.
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};", ct);
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;", ct);
        try
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT EXISTS (SELECT 1 FROM \"Menus\");";
            return Convert.ToBoolean(await query.ExecuteScalarAsync(ct));
        }
        finally
        {
            await ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None);
        }
    }

    /// <summary>
    /// A transaction that takes the lock every insert and update of an order takes (ROW EXCLUSIVE on "Orders"), within
    /// lock and statement timeouts; then rolled back. A table lock by a migration or an operator blocks it, as it
    /// would block every command.
    /// </summary>
    private static async Task<bool> PostgresProbeAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        var milliseconds = Math.Max(1, (int)timeout.TotalMilliseconds);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // One round trip (Npgsql sends BEGIN with it): a probe must stay cheap on a busy node.
        await using var probe = connection.CreateCommand();
        probe.CommandText = $"SET LOCAL lock_timeout = {milliseconds}; SET LOCAL statement_timeout = {milliseconds}; " +
                            "LOCK TABLE \"Orders\" IN ROW EXCLUSIVE MODE; SELECT EXISTS (SELECT 1 FROM \"Menus\");";
        var menuStored = Convert.ToBoolean(await probe.ExecuteScalarAsync(ct));
        await transaction.RollbackAsync(CancellationToken.None);
        return menuStored;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
