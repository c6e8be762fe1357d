using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Persistence;

/// <summary>The store the configuration names (SQLite or PostgreSQL), registered once for the whole API.</summary>
public static class PersistenceSetup
{
    public const string DefaultSqlite = "Data Source=restaurant.db";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Restaurant:Database"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Restaurant");
        var sqlite = provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        services.AddSingleton<CompiledQueries>();
        if (sqlite)
        {
            services.AddSingleton<IDatabaseDialect, SqliteDialect>();
            var lockTimeout = configuration.GetValue("Restaurant:Sqlite:LockTimeout", SqlitePragmas.DefaultLockTimeout);
            // Pooled: a context is set up once and reused, not built for every request.
            services.AddDbContextPool<RestaurantDbContext>((services, options) => options
                .UseSqlite(SqlitePragmas.WithLockTimeout(connectionString ?? DefaultSqlite, lockTimeout),
                    sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(new SqlitePragmas(lockTimeout), services.GetRequiredService<DatabaseOutageInterceptor>())
                .ConfigureWarnings(DatabaseOutageInterceptor.LogFailuresOnce));
        }
        else if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Restaurant:Database is 'postgres' but ConnectionStrings:Restaurant is not set.");
            services.AddSingleton<IDatabaseDialect, PostgresDialect>();
            services.AddDbContextPool<RestaurantDbContext, PostgresRestaurantDbContext>((services, options) => options
                .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(services.GetRequiredService<DatabaseOutageInterceptor>())
                .ConfigureWarnings(DatabaseOutageInterceptor.LogFailuresOnce));
        }
        else
        {
            throw new InvalidOperationException($"Restaurant:Database '{provider}' is not supported; use 'sqlite' or 'postgres'.");
        }
        services.AddSingleton<MenuCache>();
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<DatabaseOutageInterceptor>();
        var readyTimeout = configuration.GetValue("Health:ReadyTimeout", TimeSpan.FromSeconds(3));
        services.AddHealthChecks().AddCheck("database",
            DatabaseHealthCheck.For(sqlite, connectionString ?? DefaultSqlite, readyTimeout), tags: ["ready"]);
        return services;
    }
}
