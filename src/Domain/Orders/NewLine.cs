using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Orders;

/// <summary>
/// A line a diner asks for, checked against the menu before it reaches the order: <see cref="Options"/> come from
/// <see cref="MenuItem.ChooseOptions"/>. <see cref="Course"/> overrides the item's; <see cref="Hold"/> keeps the line
/// back from submit until it is fired.
/// </summary>
public sealed record NewLine(MenuItem Item, Quantity Quantity, string? Diner, string? Note)
{
    public IReadOnlyList<ChosenOption> Options { get; init; } = [];
    public int? Course { get; init; }
    public bool Hold { get; init; }
}
