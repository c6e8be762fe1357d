using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// A throw-away database for one test API: a fresh SQLite file, or, when <c>RESTAURANT_TEST_PROVIDER=postgres</c>, a
/// fresh database on the PostgreSQL server that <c>RESTAURANT_TEST_POSTGRES</c> names (test.sh sets both). Every API
/// test runs on whichever provider is chosen: one fixture, two providers. A new one is a copy of a database migrated
/// once per test run (<see cref="MigratedTemplate"/>); the tests of migrating itself take an empty one.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public const string ProviderVariable = "RESTAURANT_TEST_PROVIDER";
    public const string ServerVariable = "RESTAURANT_TEST_POSTGRES";

    public static bool IsPostgres => Environment.GetEnvironmentVariable(ProviderVariable) == "postgres";

    /// <summary>A fresh database of this run's provider with the whole schema, as the API's first start would leave it before seeding.</summary>
    public static TestDatabase CreateNew() => IsPostgres
        ? new PostgresTestDatabase(Server(), MigratedTemplate.Postgres(Server()))
        : new SqliteTestDatabase(MigratedTemplate.Sqlite());

    /// <summary>A fresh database of this run's provider with no schema at all, for the tests of migrating it.</summary>
    public static TestDatabase CreateEmpty() => IsPostgres ? new PostgresTestDatabase(Server(), template: null) : new SqliteTestDatabase(template: null);

    /// <summary>A fresh SQLite file with the schema, whichever provider the suite runs on (for tests of SQLite's own behaviour).</summary>
    public static TestDatabase CreateSqlite() => new SqliteTestDatabase(MigratedTemplate.Sqlite());

    /// <summary>A fresh, empty database on the PostgreSQL server <paramref name="server"/> (a connection string without a database).</summary>
    public static TestDatabase CreatePostgres(string server) => new PostgresTestDatabase(server, template: null);

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>False for a second node's view of another node's database: only the owner drops it.</summary>
    public bool Owned { get; private init; } = true;

    /// <summary>What an API needs to run on this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Restaurant:Database"] = Provider,
        ["ConnectionStrings:Restaurant"] = ConnectionString,
    };

    /// <summary>
    /// The same database for another node, with a connection string of its own (so a connection pool of its own, as
    /// a separate process would have).
    /// </summary>
    public TestDatabase SharedWithAnotherNode() => this switch
    {
        SqliteTestDatabase sqlite => new SqliteTestDatabase(sqlite.Path, ConnectionString + ";Pooling=True") { Owned = false },
        _ => new PostgresTestDatabase(ConnectionString + ";Application Name=second-node", shared: true) { Owned = false },
    };

    private static string Server() => Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException($"{ProviderVariable}=postgres needs {ServerVariable}, a connection string to a PostgreSQL server.");

    /// <param name="migrationsAssembly">Where its migrations are, when not beside the context (the legacy ones in Schema/Legacy).</param>
    public RestaurantDbContext OpenContext(Assembly? migrationsAssembly = null) => this switch
    {
        SqliteTestDatabase => new RestaurantDbContext(new DbContextOptionsBuilder<RestaurantDbContext>()
            .UseSqlite(ConnectionString, sqlite => { if (migrationsAssembly is not null) sqlite.MigrationsAssembly(migrationsAssembly); }).Options),
        _ => new PostgresRestaurantDbContext(new DbContextOptionsBuilder<PostgresRestaurantDbContext>()
            .UseNpgsql(ConnectionString, npgsql => { if (migrationsAssembly is not null) npgsql.MigrationsAssembly(migrationsAssembly); }).Options),
    };

    /// <summary>Everything stored, as bytes, for tests that prove something is never stored (a card number, a token).</summary>
    public abstract Task<byte[]> ReadEverythingStoredAsync();

    /// <summary>
    /// Holds the lock every command needs, from a connection of the test's own, until disposed: SQLite's write lock
    /// (BEGIN IMMEDIATE), or on PostgreSQL an EXCLUSIVE lock on "Orders" (reads go on, no write gets through).
    /// </summary>
    public abstract Task<IAsyncDisposable> HoldWriteLockAsync();

    /// <summary>
    /// A write that has begun and not ended, until disposed: on PostgreSQL a transaction that has an id (it takes no lock
    /// the API's writes need, so they commit meanwhile, numbered after it); on SQLite the write lock, which every write
    /// waits for (no write can be in flight there while another commits).
    /// </summary>
    public abstract Task<IAsyncDisposable> BeginWriteAsync();

    /// <summary>
    /// A transaction open on the same server that cannot write this database, until disposed: on PostgreSQL one of
    /// another database of the cluster that has an id; on SQLite a reader of the same file.
    /// </summary>
    public abstract Task<IAsyncDisposable> HoldTransactionElsewhereAsync();

    private sealed class HeldLock(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<IAsyncDisposable> HoldAsync(DbConnection connection, Func<DbConnection, Task<DbTransaction>> begin, string? sql)
    {
        await connection.OpenAsync();
        var transaction = await begin(connection);
        if (sql is not null)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        return new HeldLock(connection, transaction);
    }

    public void Dispose()
    {
        if (Owned) Drop();
        GC.SuppressFinalize(this);
    }

    protected abstract void Drop();

    private sealed class SqliteTestDatabase : TestDatabase
    {
        /// <param name="template">A migrated file to copy, or null for an empty database.</param>
        public SqliteTestDatabase(string? template) : this(MigratedTemplate.NewSqlitePath(), null)
        {
            if (template is not null) File.Copy(template, Path);
        }

        public SqliteTestDatabase(string path, string? connectionString)
        {
            Path = path;
            ConnectionString = connectionString ?? $"Data Source={path}";
        }

        public string Path { get; }

        public override string Provider => "sqlite";

        public override string ConnectionString { get; }

        /// <summary>The files themselves, write-ahead log included, read while the API may still hold them open.</summary>
        public override async Task<byte[]> ReadEverythingStoredAsync()
        {
            using var all = new MemoryStream();
            foreach (var file in new[] { "", "-wal", "-journal" }.Select(suffix => Path + suffix).Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await stream.CopyToAsync(all);
            }
            return all.ToArray();
        }

        // Microsoft.Data.Sqlite's Serializable is BEGIN IMMEDIATE: the write lock, taken at once.
        public override Task<IAsyncDisposable> HoldWriteLockAsync() => HoldAsync(new SqliteConnection($"Data Source={Path};Pooling=False"),
            async connection => await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable), null);

        public override Task<IAsyncDisposable> BeginWriteAsync() => HoldWriteLockAsync();

        // SQLite's default BEGIN would take the write lock; a reader begins deferred.
        public override Task<IAsyncDisposable> HoldTransactionElsewhereAsync() => HoldAsync(new SqliteConnection(ConnectionString),
            connection => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true)),
            "SELECT count(*) FROM \"Events\"");

        protected override void Drop()
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
        }
    }

    private sealed class PostgresTestDatabase : TestDatabase
    {
        private readonly string _name;

        /// <param name="template">A migrated database of the same server to copy, or null for an empty one.</param>
        public PostgresTestDatabase(string server, string? template)
        {
            _name = $"restaurant_test_{Guid.NewGuid():N}";
            // FILE_COPY copies the template's files as they are, where the default writes every page through the WAL as
            // well: less of the server's CPU per database (its two checkpoints are cheap on test.sh's RAM-backed cluster).
            Admin(server, template is null
                ? $"CREATE DATABASE \"{_name}\""
                : $"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        }

        /// <summary>Another node's view of an existing database (<see cref="SharedWithAnotherNode"/>).</summary>
        public PostgresTestDatabase(string connectionString, bool shared)
        {
            Assert.True(shared);
            _name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            ConnectionString = connectionString;
        }

        public override string Provider => "postgres";

        public override string ConnectionString { get; }

        /// <summary>Every row of every table as JSON text, and every binary column's raw bytes.</summary>
        public override async Task<byte[]> ReadEverythingStoredAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            var columns = new List<(string Table, string Column, string Type)>();
            await using (var command = new NpgsqlCommand(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'", connection))
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));

            using var all = new MemoryStream();
            foreach (var table in columns.Select(c => c.Table).Distinct())
                await AppendAsync(connection, all, $"SELECT row_to_json(t)::text FROM \"{table}\" t");
            foreach (var (table, column, _) in columns.Where(c => c.Type == "bytea"))
                await AppendAsync(connection, all, $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
            return all.ToArray();
        }

        public override Task<IAsyncDisposable> HoldWriteLockAsync() => HoldAsync(new NpgsqlConnection(ConnectionString),
            async connection => await connection.BeginTransactionAsync(), "LOCK TABLE \"Orders\" IN EXCLUSIVE MODE");

        public override Task<IAsyncDisposable> BeginWriteAsync() => HoldAsync(new NpgsqlConnection(ConnectionString),
            async connection => await connection.BeginTransactionAsync(), "SELECT pg_current_xact_id()");

        public override Task<IAsyncDisposable> HoldTransactionElsewhereAsync() =>
            HoldAsync(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString),
                async connection => await connection.BeginTransactionAsync(), "SELECT pg_current_xact_id()");

        protected override void Drop()
        {
            // This database's pool only: clearing every pool of the process closed the idle connections of every other
            // test's server, which then opened new ones, each a new PostgreSQL backend loading its caches again (the
            // PostgreSQL run started about ten per database). The drop ends whatever other connections it still has.
            using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
            Admin(ConnectionString, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        private static async Task AppendAsync(NpgsqlConnection connection, MemoryStream all, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var bytes = reader.GetValue(0) as byte[] ?? Encoding.UTF8.GetBytes(reader.GetString(0));
                all.Write(bytes);
            }
        }
    }

    /// <summary>One statement on the server's maintenance database, on a connection of its own (CREATE and DROP DATABASE).</summary>
    internal static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
