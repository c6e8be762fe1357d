using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>Pricing a bill apart from closing the order with it: the API prices outside its locks, then freezes.</summary>
public class OrderBillPricingTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();

    private static Order SubmittedOrder(params string[] itemIds)
    {
        var order = Order.Open("order-1", "T1", 2, Now);
        order.ChangeItems(itemIds.Select(id => new NewLine(Menu.ItemToOrder(id), new Quantity(1), null, null)).ToList(), [], Now);
        order.Submit(Now);
        return order;
    }

    [Fact]
    public void Pricing_a_bill_leaves_the_order_open_and_unchanged()
    {
        var order = SubmittedOrder("salad", "juice");
        var version = order.Version;

        var priced = order.PriceBill(Menu);

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Null(order.Bill);
        Assert.Equal(version, order.Version);
        Assert.Equal(version, priced.OrderVersion);
    }

    [Fact]
    public void A_bill_priced_at_the_current_version_closes_the_order_with_that_bill()
    {
        var order = SubmittedOrder("salad", "juice");
        var priced = order.PriceBill(Menu);

        var bill = order.CloseWithBill(priced, Now);

        Assert.Same(priced.Bill, bill);
        Assert.Equal(OrderStatus.Billed, order.Status);
    }

    [Fact]
    public void A_bill_priced_before_a_later_change_is_refused_as_outdated_and_changes_nothing()
    {
        var order = SubmittedOrder("salad", "juice");
        var priced = order.PriceBill(Menu);
        order.ChangeItems([new NewLine(Menu.ItemToOrder("cake"), new Quantity(1), null, null)], [], Now);
        order.Submit(Now);
        var version = order.Version;

        var refusal = Assert.Throws<DomainException>(() => order.CloseWithBill(priced, Now));

        Assert.Equal(DomainErrors.BillOutdated, refusal.Code);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(version, order.Version);
    }

    [Fact]
    public void Pricing_an_order_with_pending_lines_is_refused()
    {
        var order = SubmittedOrder("salad");
        order.ChangeItems([new NewLine(Menu.ItemToOrder("cake"), new Quantity(1), null, null)], [], Now);

        Assert.Equal(DomainErrors.PendingItems, Assert.Throws<DomainException>(() => order.PriceBill(Menu)).Code);
    }

    [Fact]
    public void A_cancelled_pricing_throws_and_prices_nothing()
    {
        var order = SubmittedOrder("salad", "juice");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => order.PriceBill(Menu, cancelled.Token));
    }

    [Fact]
    public void A_second_close_returns_the_bill_already_frozen()
    {
        var order = SubmittedOrder("salad", "juice");
        var first = order.CloseWithBill(order.PriceBill(Menu), Now);

        Assert.Same(first, order.CloseWithBill(Menu, Now));
    }
}
