using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence;

public static class TableQueries
{
    /// <summary>
    /// The table, for a command that opens or joins its order, changes, re-codes or deletes it. It is locked first (held
    /// to commit, <see cref="IDatabaseDialect.LockTableAsync"/>), so these take turns per table: a rotated code or a
    /// deleted table is seen by every phone that comes after, and two phones opening one table queue instead of both
    /// inserting an order. Unknown: 404 table_not_found.
    /// </summary>
    public static async Task<Table> LoadTableForChangeAsync(this RestaurantDbContext db, string tableId, CancellationToken ct) =>
        await db.FindTableForChangeAsync(tableId, ct) ?? throw ApiProblem.TableNotFound(tableId);

    /// <summary>As <see cref="LoadTableForChangeAsync"/>, but null for a table that does not exist (yet).</summary>
    public static async Task<Table?> FindTableForChangeAsync(this RestaurantDbContext db, string tableId, CancellationToken ct)
    {
        await db.Dialect.LockTableAsync(db, tableId, ct);
        return await db.Tables.SingleOrDefaultAsync(t => t.Id == tableId, ct);
    }

    /// <summary>The id of the order that holds <paramref name="tableId"/> (neither paid nor cancelled), if any.</summary>
    public static Task<string?> ActiveOrderIdAsync(this RestaurantDbContext db, string tableId, CancellationToken ct) =>
        db.Orders.AsNoTracking().Active().Where(o => o.Table == tableId).Select(o => o.Id).SingleOrDefaultAsync(ct);
}
