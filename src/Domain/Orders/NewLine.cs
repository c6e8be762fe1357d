using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Orders;

/// <summary>A line a diner asks for, checked against the menu before it reaches the order.</summary>
public sealed record NewLine(MenuItem Item, Quantity Quantity, string? Diner, string? Note);
