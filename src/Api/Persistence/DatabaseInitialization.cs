using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence;

/// <summary>What every start does to the database before the API takes requests.</summary>
public static class DatabaseInitialization
{
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
        await db.Dialect.PrepareAsync(db);
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
