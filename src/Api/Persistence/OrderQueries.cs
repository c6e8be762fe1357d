using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence;

public static class OrderQueries
{
    /// <summary>
    /// The partial indexes' filters, as SQL. They are written as EF Core writes the queries below (it turns two "not
    /// equal"s into NOT IN), because SQLite uses a partial index only for a query whose WHERE holds its filter's terms.
    /// </summary>
    public const string ActiveFilter = $"\"{nameof(Order.Status)}\" NOT IN ('{nameof(OrderStatus.Paid)}', '{nameof(OrderStatus.Cancelled)}')";
    public const string OpenFilter = $"\"{nameof(Order.Status)}\" = '{nameof(OrderStatus.Open)}'";

    /// <summary>Orders that still hold their table (<see cref="Order.IsActive"/>), as a query.</summary>
    public static IQueryable<Order> Active(this IQueryable<Order> orders) =>
        orders.Where(o => o.Status != OrderStatus.Paid && o.Status != OrderStatus.Cancelled);

    /// <summary>
    /// The whole aggregate, one query per table (a single joined query returns lines × tickets rows). Callers run it
    /// inside a transaction, so the queries read one snapshot.
    /// </summary>
    public static async Task<Order> LoadOrderAsync(this RestaurantDbContext db, string orderId, CancellationToken ct) =>
        await db.Orders.Include(o => o.Lines).Include(o => o.Tickets).Include(o => o.Tenders).Include(o => o.Discounts)
            .Include(o => o.Refunds).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == orderId, ct)
        ?? throw ApiProblem.OrderNotFound(orderId);

    /// <summary>
    /// The aggregate, for a command that changes it: the order is locked first (held to commit), so writers of one
    /// order take turns and every one of them reads what the previous one committed (<see cref="IDatabaseDialect.LockOrderAsync"/>).
    /// </summary>
    public static async Task<Order> LoadOrderForChangeAsync(this RestaurantDbContext db, string orderId, CancellationToken ct)
    {
        await db.Dialect.LockOrderAsync(db, orderId, ct);
        return await db.LoadOrderAsync(orderId, ct);
    }

    /// <summary>
    /// Makes tickets enter the kitchen's sequence in commit order, so that the kitchen, paging with ?after=, never
    /// skips one (<see cref="IDatabaseDialect.LockKitchenSequenceAsync"/>). Held to commit.
    /// </summary>
    public static Task LockKitchenSequenceAsync(this RestaurantDbContext db, CancellationToken ct) => db.Dialect.LockKitchenSequenceAsync(db, ct);

    /// <summary>The menu in effect at <paramref name="now"/>: the latest version whose start has come.</summary>
    public static async Task<StoredMenu> CurrentMenuAsync(this RestaurantDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await db.Menus.AsNoTracking()
            .Where(m => m.EffectiveFrom <= now)
            .OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Version)
            .FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("No menu is in effect; the database was not seeded.");
}
