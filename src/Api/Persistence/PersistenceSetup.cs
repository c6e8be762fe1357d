using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence;

public static class PersistenceSetup
{
    public const string DefaultSqlite = "Data Source=restaurant.db";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Restaurant:Database"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Restaurant");
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            // Microsoft.Data.Sqlite is synchronous underneath: a writer waiting for the lock blocks a pool thread. Let
            // the pool start threads at once, so the writer holding the lock always gets one back to commit.
            ThreadPool.GetMinThreads(out var workers, out var completionPorts);
            ThreadPool.SetMinThreads(Math.Max(workers, 128), completionPorts);
            services.AddSingleton<SqliteWriteGate>();
            // Pooled: a context is set up once and reused, not built for every request.
            services.AddDbContextPool<RestaurantDbContext>(options => options
                .UseSqlite(connectionString ?? DefaultSqlite, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(new SqlitePragmas()));
        }
        else if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Restaurant:Database is 'postgres' but ConnectionStrings:Restaurant is not set.");
            services.AddDbContextPool<RestaurantDbContext, PostgresRestaurantDbContext>(options => options
                .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        }
        else
        {
            throw new InvalidOperationException($"Restaurant:Database '{provider}' is not supported; use 'sqlite' or 'postgres'.");
        }
        var sqlite = provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        var readyTimeout = configuration.GetValue("Health:ReadyTimeout", TimeSpan.FromSeconds(3));
        services.AddHealthChecks().AddCheck("database",
            DatabaseHealthCheck.For(sqlite, connectionString ?? DefaultSqlite, readyTimeout), tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// A transaction for one command. On SQLite it is BEGIN IMMEDIATE (Serializable in Microsoft.Data.Sqlite): it takes
    /// the write lock up front, waiting under busy_timeout, whereas a deferred transaction that reads and then writes
    /// fails at once when another writer committed in between. On PostgreSQL it is READ COMMITTED, and a command locks
    /// the rows it changes (<see cref="OrderQueries.LoadOrderForChangeAsync"/>): writers of one order queue on its row
    /// instead of failing and retrying, which keeps a hot table (many diners on one order) free of errors.
    /// </summary>
    public static Task<IDbContextTransaction> BeginCommandTransactionAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(db.Database.IsSqlite() ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted, ct);

    /// <summary>On SQLite, waits for this host's turn at the file's write lock (<see cref="SqliteWriteGate"/>).</summary>
    public static async Task<IDisposable> EnterWriteGateAsync(this RestaurantDbContext db, CancellationToken ct) =>
        db.Database.IsSqlite() ? await db.GetService<SqliteWriteGate>().EnterAsync(ct) : NoGate.Instance;

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// A read-only transaction whose queries all see one snapshot. On SQLite a deferred BEGIN, which takes no lock
    /// until it reads and never blocks the writer (WAL); on PostgreSQL REPEATABLE READ, which never blocks either.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(this RestaurantDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(RestaurantDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The floor a new restaurant starts with: tables 1 to <see cref="DefaultTableCount"/>, each with a random code.</summary>
    public const int DefaultTableCount = 12;

    /// <summary>
    /// Creates or upgrades the schema and, on first start, seeds the default menu and floor; safe to run from several
    /// processes at once.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
        await db.Database.OpenConnectionAsync();
        // WAL lets readers run beside the one writer; the mode is stored in the database file.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        // EF Core holds a database lock while it migrates, so several processes may start at once.
        await db.Database.MigrateAsync();
        if (!await db.Menus.AnyAsync())
        {
            var menu = new StoredMenu { Version = 1, EffectiveFrom = DateTimeOffset.UnixEpoch };
            menu.Store(DefaultMenu.Create());
            db.Menus.Add(menu);
        }
        // Only a restaurant that never had a table nor an order gets the default floor: one that took its tables away
        // does not get them back at the next start, and one upgraded with orders of its own sets up its real floor.
        if (!await db.Tables.AnyAsync() && !await db.Orders.AnyAsync())
            db.Tables.AddRange(Enumerable.Range(1, DefaultTableCount).Select(number => Table.Create(number.ToString(CultureInfo.InvariantCulture))));
        try
        {
            // One transaction for both: a process that lost the race to another wrote neither.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (Infrastructure.DbErrors.IsContention(exception))
        {
            // Another process seeded them first.
        }
        await db.Database.CloseConnectionAsync();
    }
}
