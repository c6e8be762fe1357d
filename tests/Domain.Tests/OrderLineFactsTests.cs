using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The facts an order keeps about its lines (units, last position, pending lines), which a change of items checks
/// without reading the lines: every change of the lines keeps them equal to what the lines say.
/// </summary>
public class OrderLineFactsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();
    private const string Waiter = "staff:0123456789abcdef";

    private static NewLine Line(string itemId, int quantity = 1, bool hold = false) =>
        new(Menu.ItemToOrder(itemId), new Quantity(quantity), null, null) { Hold = hold };

    private static void AssertFactsMatchLines(Order order)
    {
        Assert.Equal(order.Lines.Sum(l => l.Quantity.Value), order.Units);
        Assert.Equal(order.Lines.Count == 0 ? 0 : order.Lines.Max(l => l.Position), order.LastPosition);
        Assert.Equal(order.PendingLines.Count(), order.PendingCount);
    }

    [Fact]
    public void Additions_removals_submits_fires_and_partial_voids_keep_the_facts_true()
    {
        var order = Order.Open("order-1", "T1", 4, Now);
        var first = order.ChangeItems([Line("soup", 2), Line("tea"), Line("cake", hold: true)], [], Now);
        AssertFactsMatchLines(order);
        order.ChangeItems([Line("coffee", 3)], [first[1].Id], Now);
        AssertFactsMatchLines(order);
        order.Submit(Now);
        AssertFactsMatchLines(order);
        order.Fire(null, Now);
        AssertFactsMatchLines(order);
        order.Void([new LineVoid(first[0].Id, 1)], "spilled", Waiter, Now);
        AssertFactsMatchLines(order);
        order.ChangeItems([Line("tea")], [], Now);
        AssertFactsMatchLines(order);
    }

    [Fact]
    public void A_removed_line_never_gives_its_position_to_a_new_one()
    {
        var order = Order.Open("order-1", "T1", 2, Now);
        var added = order.ChangeItems([Line("soup"), Line("tea")], [], Now);

        var next = order.ChangeItems([Line("coffee")], [added[1].Id], Now);

        Assert.Equal(3, next[0].Position);
    }

    [Fact]
    public void Voided_units_still_count_toward_the_limit()
    {
        var order = Order.Open("order-1", "T1", 2, Now);
        var added = order.ChangeItems(Enumerable.Range(0, Order.MaxUnits / Quantity.Max).Select(_ => Line("soup", Quantity.Max)).ToList(), [], Now);
        order.Submit(Now);
        order.Void([new LineVoid(added[0].Id, 5)], "spilled", Waiter, Now);

        Assert.Equal(DomainErrors.OrderTooLarge, Assert.Throws<DomainException>(() => order.ChangeItems([Line("tea")], [], Now)).Code);
    }
}
