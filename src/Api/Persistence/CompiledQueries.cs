using Microsoft.EntityFrameworkCore;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The hot path's queries, compiled once per application: an addition reads the order's row and the menu's key on every
/// call, and translating their LINQ each time costs more than running them. One instance per application (a singleton),
/// not a static field: a compiled query keeps the executor of the first context it ran on, so one process hosting a
/// SQLite and a PostgreSQL application (the test suite does) must not share them.
/// </summary>
public sealed class CompiledQueries
{
    public Func<RestaurantDbContext, string, Task<Order?>> OrderRow { get; } =
        EF.CompileAsyncQuery((RestaurantDbContext db, string orderId) => db.Orders.SingleOrDefault(o => o.Id == orderId));

    public Func<RestaurantDbContext, DateTimeOffset, Task<MenuKey?>> CurrentMenuKey { get; } =
        EF.CompileAsyncQuery((RestaurantDbContext db, DateTimeOffset now) => db.Menus
            .Where(m => m.EffectiveFrom <= now)
            .OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Version)
            .Select(m => new MenuKey(m.Version, m.Revision))
            .FirstOrDefault());

    public sealed record MenuKey(int Version, int Revision);
}
