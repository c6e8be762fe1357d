using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Restaurant.Api.Persistence;

public static class PersistenceSetup
{
    public const string DefaultSqlite = "Data Source=restaurant.db";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Restaurant:Database"] ?? "sqlite";
        if (!provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Restaurant:Database '{provider}' is not supported; use 'sqlite'.");
        var connectionString = configuration.GetConnectionString("Restaurant") ?? DefaultSqlite;
        services.AddDbContext<RestaurantDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new SqlitePragmas())
            // Migrations are hand-written (the EF design package is not available), so there is no model snapshot to
            // compare with; SchemaTests prove instead that the migrated schema is the model's.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Creates or upgrades the schema and seeds the default menu; safe to run from several processes at once.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
        // WAL lets readers run beside the one writer; the mode is stored in the database file.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await db.Database.MigrateAsync();
        if (!await db.Menus.AnyAsync())
        {
            var menu = new StoredMenu { Version = 1, EffectiveFrom = DateTimeOffset.UnixEpoch };
            menu.Store(DefaultMenu.Create());
            db.Menus.Add(menu);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException exception) when (Infrastructure.DbErrors.IsContention(exception))
            {
                // Another process seeded it first.
            }
        }
        await db.Database.CloseConnectionAsync();
    }
}

public sealed class DatabaseHealthCheck(RestaurantDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Menus.AnyAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("No menu is stored.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be queried.", exception);
        }
    }
}
