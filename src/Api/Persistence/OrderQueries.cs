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
        await Whole(db.Orders).SingleOrDefaultAsync(o => o.Id == orderId, ct)
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
    /// The order for a change of its items (<see cref="Order.ChangeItems"/>), locked as <see cref="LoadOrderForChangeAsync"/>
    /// locks it: its row, which holds every fact the change checks, and of its lines only <paramref name="lineIds"/> (those
    /// the change removes; an id of another order's line is not found). An addition reads one row however large the order.
    /// </summary>
    public static async Task<Order> LoadOrderForItemChangeAsync(this RestaurantDbContext db, string orderId, IReadOnlyList<string> lineIds,
        CancellationToken ct)
    {
        await db.Dialect.LockOrderAsync(db, orderId, ct);
        var order = await db.Compiled.OrderRow(db, orderId) ?? throw ApiProblem.OrderNotFound(orderId);
        // Tracked, so EF Core puts them in the order's lines (and deletes those the change removes).
        if (lineIds.Count > 0) await db.OrderLines.Where(l => EF.Property<string>(l, "OrderId") == orderId && lineIds.Contains(l.Id)).LoadAsync(ct);
        return order;
    }

    /// <summary>The whole aggregate to show, not to change: untracked, so saving later compares none of it.</summary>
    public static async Task<Order> ReadOrderAsync(this RestaurantDbContext db, string orderId, CancellationToken ct) =>
        await Whole(db.Orders.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == orderId, ct)
        ?? throw ApiProblem.OrderNotFound(orderId);

    /// <summary>Every part of the aggregate, one query per table (a single joined query returns lines × tickets rows).</summary>
    private static IQueryable<Order> Whole(IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).Include(o => o.Tickets).Include(o => o.Tenders).Include(o => o.Discounts).Include(o => o.Refunds)
            .AsSplitQuery();

    /// <summary>The version and revision of the menu in effect at <paramref name="now"/> (<see cref="MenuCache.CurrentAsync"/>).</summary>
    public static async Task<(int Version, int Revision)> CurrentMenuKeyAsync(this RestaurantDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var key = await db.Compiled.CurrentMenuKey(db, now) ?? throw new InvalidOperationException("No menu is in effect; the database was not seeded.");
        return (key.Version, key.Revision);
    }

    /// <summary>The menu in effect at <paramref name="now"/>: the latest version whose start has come.</summary>
    public static async Task<StoredMenu> CurrentMenuAsync(this RestaurantDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await db.Menus.AsNoTracking()
            .Where(m => m.EffectiveFrom <= now)
            .OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Version)
            .FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("No menu is in effect; the database was not seeded.");
}
