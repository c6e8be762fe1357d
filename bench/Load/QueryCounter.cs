using Npgsql;

namespace Restaurant.Benchmarks.Load;

/// <param name="Transactions">Commits and rollbacks of the database (pg_stat_database; backends report them up to a second late).</param>
/// <param name="Statements">Statements run in it (pg_stat_statements); null without the extension.</param>
/// <param name="EventReads">Of those, reads of the event log (the nodes' readers and the streams' backlogs).</param>
public sealed record QueryCounts(long Transactions, long? Statements, long? EventReads)
{
    public static QueryCounts operator -(QueryCounts end, QueryCounts start) =>
        new(end.Transactions - start.Transactions, end.Statements - start.Statements, end.EventReads - start.EventReads);
}

/// <summary>
/// Counts the queries one run's database gets, read from the server's statistics through the <c>postgres</c> database (so
/// that counting is not counted). Statements need <c>shared_preload_libraries = pg_stat_statements</c>; transactions
/// are always there.
/// </summary>
public sealed class QueryCounter
{
    // The event log's read (PostgresEvents.ReadAsync) is the one statement that starts so.
    private const string EventReadPrefix = "SELECT h.horizon";

    private readonly string admin;
    private readonly string database;
    private readonly bool statements;

    private QueryCounter(string admin, string database, bool statements) => (this.admin, this.database, this.statements) = (admin, database, statements);

    public bool CountsStatements => statements;

    public static async Task<QueryCounter> CreateAsync(string server, string database, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", connection);
            await create.ExecuteScalarAsync(ct);
            return new QueryCounter(admin, database, true);
        }
        catch (PostgresException)
        {
            // Not preloaded: transactions only.
            return new QueryCounter(admin, database, false);
        }
    }

    public async Task<QueryCounts> ReadAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        var sql = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @db" + (statements
            ? "; SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(calls) FILTER (WHERE query LIKE @reads), 0)::bigint " +
              "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = @db)"
            : "");
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("db", database);
        if (statements) command.Parameters.AddWithValue("reads", EventReadPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var transactions = reader.GetInt64(0);
        if (!statements) return new QueryCounts(transactions, null, null);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return new QueryCounts(transactions, reader.GetInt64(0), reader.GetInt64(1));
    }
}
