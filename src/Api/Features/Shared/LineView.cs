using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>One order line as the API shows it: in the order's pending lines and tickets, and in the kitchen's tickets.</summary>
public sealed record LineView(string LineId, string MenuItemId, string Name, int Quantity, decimal UnitPrice, string? Diner, string? Note)
{
    public static LineView From(OrderLine line) =>
        new(line.Id, line.MenuItemId, line.Name, line.Quantity.Value, line.UnitPrice.ToMajor(), line.Diner, line.Note);
}
