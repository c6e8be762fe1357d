using Microsoft.EntityFrameworkCore;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Persistence;

/// <summary>What every start does to the database before the API takes requests.</summary>
public static class DatabaseInitialization
{
    /// <summary>Creates or upgrades the schema and seeds the default menu; safe to run from several processes at once.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Dialect.PrepareAsync(db);
        // EF Core holds a database lock while it migrates, so several processes may start at once.
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
