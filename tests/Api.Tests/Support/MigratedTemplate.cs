using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// One database per test run with every migration applied, which each new test database copies: a file copy on SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. A run creates about 150 databases; migrating each of them again was
/// EF Core building every migration's model and the server running every migration's DDL, each time the same.
/// The API still runs its migrations at every start (none is pending then); what migrating an empty database does is
/// tested on empty ones (<see cref="TestDatabase.CreateEmpty"/>: the schema tests, the upgrades, the start-up tests).
/// </summary>
internal static class MigratedTemplate
{
    // Per test process: the template is this run's, made on first use and removed when the process ends.
    private static readonly Lazy<string> SqliteTemplate = new(CreateSqlite);
    private static readonly ConcurrentDictionary<string, Lazy<string>> PostgresTemplates = new();

    /// <summary>The migrated SQLite file to copy.</summary>
    public static string Sqlite() => SqliteTemplate.Value;

    /// <summary>The name of the migrated database on <paramref name="server"/> to create new ones from.</summary>
    public static string Postgres(string server) => PostgresTemplates.GetOrAdd(server, s => new Lazy<string>(() => CreatePostgres(s))).Value;

    /// <summary>A new file name in the temporary directory, for a test database.</summary>
    public static string NewSqlitePath() => Path.Combine(Path.GetTempPath(), $"restaurant-test-{Guid.NewGuid():N}.db");

    private static string CreateSqlite()
    {
        var path = NewSqlitePath();
        // No pooling: the file is complete and closed when the migrations return, so copies of it are whole.
        using (var db = new RestaurantDbContext(new DbContextOptionsBuilder<RestaurantDbContext>()
                   .UseSqlite($"Data Source={path};Pooling=False").Options))
            db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private static string CreatePostgres(string server)
    {
        var name = $"restaurant_template_{Guid.NewGuid():N}";
        TestDatabase.Admin(server, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                TestDatabase.Admin(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server went first (test.sh's cluster is removed with everything in it).
            }
        };
        // No pooling: CREATE DATABASE … TEMPLATE refuses while any session is connected to the template.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgresRestaurantDbContext(new DbContextOptionsBuilder<PostgresRestaurantDbContext>()
                   .UseNpgsql(connectionString).Options))
            db.Database.Migrate();
        return name;
    }
}
