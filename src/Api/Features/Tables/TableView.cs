using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Features.Tables;

/// <summary>A table as staff see it: its code (to print as a QR code) and the order it holds, if any.</summary>
public sealed record TableView(string Id, int Seats, string Code, TableView.ActiveOrder? Order)
{
    /// <summary>The order that holds the table (neither paid nor cancelled).</summary>
    public sealed record ActiveOrder(string Id, string Status, decimal? Balance);

    public static async Task<TableView> OfAsync(RestaurantDbContext db, Table table, CancellationToken ct) =>
        From(table, await ActiveOrdersAsync(db, table.Id, ct));

    public static TableView From(Table table, IReadOnlyDictionary<string, ActiveOrder> activeByTable) =>
        new(table.Id, table.Seats, table.Code, activeByTable.GetValueOrDefault(table.Id));

    /// <summary>The active orders of one table, or of the whole floor: at most one a table.</summary>
    public static async Task<IReadOnlyDictionary<string, ActiveOrder>> ActiveOrdersAsync(RestaurantDbContext db, string? tableId, CancellationToken ct)
    {
        var rows = await ActiveOrderRows(db, tableId).ToListAsync(ct);
        return rows.ToDictionary(o => o.Table,
            o => new ActiveOrder(o.Id, OrderView.StatusName(o.Status), o.Bill?.BalanceAfter(o.Paid).ToMajor()), StringComparer.Ordinal);
    }

    /// <summary>
    /// Read through the partial index of active orders, so the floor costs what is open now, not the restaurant's
    /// history (FloorQueryTests).
    /// </summary>
    public static IQueryable<ActiveOrderRow> ActiveOrderRows(RestaurantDbContext db, string? tableId)
    {
        var active = db.Orders.AsNoTracking().Active();
        if (tableId is not null) active = active.Where(o => o.Table == tableId);
        return active.Select(o => new ActiveOrderRow(o.Table, o.Id, o.Status, o.Bill, o.Paid));
    }

    public sealed record ActiveOrderRow(string Table, string Id, OrderStatus Status, Bill? Bill, Money Paid);
}
