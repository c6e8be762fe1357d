using Microsoft.EntityFrameworkCore;

namespace Restaurant.Api.Persistence;

/// <summary>The store the configuration names (SQLite or PostgreSQL), registered once for the whole API.</summary>
public static class PersistenceSetup
{
    public const string DefaultSqlite = "Data Source=restaurant.db";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Restaurant:Database"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Restaurant");
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IDatabaseDialect, SqliteDialect>();
            // Pooled: a context is set up once and reused, not built for every request.
            services.AddDbContextPool<RestaurantDbContext>(options => options
                .UseSqlite(connectionString ?? DefaultSqlite, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(new SqlitePragmas()));
        }
        else if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Restaurant:Database is 'postgres' but ConnectionStrings:Restaurant is not set.");
            services.AddSingleton<IDatabaseDialect, PostgresDialect>();
            services.AddDbContextPool<RestaurantDbContext, PostgresRestaurantDbContext>(options => options
                .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        }
        else
        {
            throw new InvalidOperationException($"Restaurant:Database '{provider}' is not supported; use 'sqlite' or 'postgres'.");
        }
        services.AddSingleton<MenuCache>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
