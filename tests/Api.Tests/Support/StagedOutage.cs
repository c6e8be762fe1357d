using Microsoft.Data.Sqlite;
using Npgsql;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// A database that a test takes away from the API and gives back, as an outage would, on the suite's provider: on the
/// PostgreSQL run a database on a cluster of the test's own (<see cref="ThrowAwayCluster"/>), stopped with pg_ctl
/// (fast the first time, immediate the next); on the SQLite run a file whose write lock another connection holds for
/// as long as the outage lasts, with a short lock timeout on the API.
/// </summary>
public abstract class StagedOutage : IAsyncDisposable
{
    public static async Task<StagedOutage> CreateAsync() =>
        TestDatabase.IsPostgres ? new PostgresOutage(await ThrowAwayCluster.StartAsync()) : new SqliteOutage();

    public abstract TestDatabase Database { get; }

    /// <summary>What the API needs besides the database's own settings.</summary>
    public virtual IReadOnlyDictionary<string, string?> ApiSettings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// Whether the database answers nothing during the outage, so that /health/ready is 503 and every request is refused;
    /// a SQLite file whose write lock another process holds still answers reads (and what is decided from them).
    /// </summary>
    public abstract bool ReadsFail { get; }

    /// <summary>Begins outage number <paramref name="episode"/> (0, 1, …) and says what it is.</summary>
    public abstract Task<string> BeginAsync(int episode);

    public abstract Task EndAsync();

    public abstract ValueTask DisposeAsync();

    private sealed class PostgresOutage(ThrowAwayCluster cluster) : StagedOutage
    {
        public override TestDatabase Database { get; } = TestDatabase.CreatePostgres(cluster.Server);

        public override bool ReadsFail => true;

        public override async Task<string> BeginAsync(int episode)
        {
            var mode = episode % 2 == 0 ? "fast" : "immediate";
            await cluster.StopAsync(mode);
            return $"PostgreSQL stopped -m {mode}";
        }

        public override Task EndAsync() => cluster.StartAgainAsync();

        public override async ValueTask DisposeAsync()
        {
            try
            {
                Database.Dispose();
            }
            catch (NpgsqlException)
            {
                // The cluster is down (the test failed in an outage); it goes with its directory.
            }
            await cluster.DisposeAsync();
        }
    }

    private sealed class SqliteOutage : StagedOutage
    {
        private SqliteConnection? _holder;

        public override TestDatabase Database { get; } = TestDatabase.CreateSqlite();

        public override IReadOnlyDictionary<string, string?> ApiSettings { get; } =
            new Dictionary<string, string?> { ["Restaurant:Sqlite:LockTimeout"] = "00:00:02" };

        public override bool ReadsFail => false;

        public override async Task<string> BeginAsync(int episode)
        {
            _holder = new SqliteConnection(Database.ConnectionString + ";Pooling=False");
            await _holder.OpenAsync();
            await using var begin = _holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
            return "the SQLite file's write lock held by another connection";
        }

        public override async Task EndAsync()
        {
            if (_holder is not null) await _holder.DisposeAsync(); // rolls back, letting go of the lock
            _holder = null;
        }

        public override async ValueTask DisposeAsync()
        {
            await EndAsync();
            Database.Dispose();
        }
    }
}
