using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>Diners joining an order, cancelling it, and when the server may call it abandoned.</summary>
public class OrderDinersAndCancelTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();

    private static Order NewOrder() => Order.Open("order-1", "T1", 2, Now);

    private static NewLine Line(string itemId) => new(Menu.ItemToOrder(itemId), new Quantity(1), null, null);

    private static void AssertRefused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Each_diner_admitted_gets_a_token_of_their_own()
    {
        var order = NewOrder();

        var first = order.Admit("hash-1", "Ann", Now);
        var second = order.Admit("hash-2", null, Now.AddMinutes(1));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(("order-1", "hash-1", "Ann", Now), (first.OrderId, first.TokenHash, first.Diner, first.CreatedAt));
        Assert.Null(second.Diner);
        Assert.Equal(2, order.Version);
        Assert.Equal(Now.AddMinutes(1), order.LastChangedAt);
    }

    [Fact]
    public void A_billed_order_can_be_joined_to_pay_a_share_but_a_paid_or_cancelled_one_cannot()
    {
        var billed = NewOrder();
        billed.ChangeItems([Line("tea")], [], Now);
        billed.Submit(Now);
        billed.CloseWithBill(Menu, Now);
        billed.Admit("hash-late", "Bob", Now);

        billed.TakePayment(billed.Balance!.Value, [new NewTender(TenderMethod.Cash, billed.Balance!.Value, Money.Zero, null)], Now, 1m);
        AssertRefused(DomainErrors.OrderPaid, () => billed.Admit("hash-after", null, Now));

        var cancelled = NewOrder();
        cancelled.Cancel(Now);
        AssertRefused(DomainErrors.OrderCancelled, () => cancelled.Admit("hash", null, Now));
    }

    [Fact]
    public void A_diner_name_follows_the_rules_of_a_line_diner()
    {
        var order = NewOrder();
        AssertRefused(DomainErrors.InvalidDiner, () => order.Admit("h", new string('d', 41), Now));
        AssertRefused(DomainErrors.InvalidText, () => order.Admit("h", "Ann\u0007", Now));
        Assert.Equal(0, order.Version);
    }

    [Fact]
    public void Cancelling_frees_the_table_and_every_change_is_refused_after()
    {
        var order = NewOrder();
        order.ChangeItems([Line("tea")], [], Now);

        order.Cancel(Now.AddMinutes(5));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.False(order.IsActive);
        Assert.Equal(Now.AddMinutes(5), order.LastChangedAt);
        var version = order.Version;
        AssertRefused(DomainErrors.OrderCancelled, () => order.ChangeItems([Line("coffee")], [], Now));
        AssertRefused(DomainErrors.OrderCancelled, () => order.Submit(Now));
        AssertRefused(DomainErrors.OrderCancelled, () => order.CloseWithBill(Menu, Now));
        AssertRefused(DomainErrors.OrderCancelled, () => order.TakePayment(new Money(250), [new NewTender(TenderMethod.Cash, new Money(250), Money.Zero, null)], Now, 1m));
        AssertRefused(DomainErrors.OrderCancelled, () => order.Cancel(Now));
        Assert.Equal(version, order.Version);
    }

    [Fact]
    public void An_order_with_lines_sent_to_the_kitchen_cannot_be_cancelled()
    {
        var order = NewOrder();
        order.ChangeItems([Line("tea")], [], Now);
        order.Submit(Now);

        AssertRefused(DomainErrors.OrderNotCancellable, () => order.Cancel(Now));

        order.CloseWithBill(Menu, Now);
        AssertRefused(DomainErrors.OrderNotCancellable, () => order.Cancel(Now));
        Assert.Equal(OrderStatus.Billed, order.Status);
    }

    [Fact]
    public void An_order_whose_sent_lines_were_all_voided_can_be_cancelled()
    {
        var order = NewOrder();
        var lines = order.ChangeItems([Line("tea"), Line("coffee")], [], Now);
        order.Submit(Now);
        order.Void([new LineVoid(lines[0].Id, null)], "sent back", "staff:0123456789abcdef", Now);
        AssertRefused(DomainErrors.OrderNotCancellable, () => order.Cancel(Now));

        order.Void([new LineVoid(lines[1].Id, null)], "table left", "staff:0123456789abcdef", Now);
        order.Cancel(Now);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void A_held_line_does_not_keep_an_order_from_being_cancelled()
    {
        var order = NewOrder();
        order.ChangeItems([Line("tea") with { Hold = true }], [], Now);

        order.Cancel(Now);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void An_open_order_that_was_never_sent_and_stood_idle_is_abandoned()
    {
        var order = NewOrder();
        order.ChangeItems([Line("tea")], [], Now.AddMinutes(10));

        Assert.False(order.IsAbandoned(Now.AddMinutes(9)));
        Assert.True(order.IsAbandoned(Now.AddMinutes(10)));

        order.Submit(Now.AddMinutes(11));
        Assert.False(order.IsAbandoned(Now.AddHours(5)));
    }

    [Fact]
    public void A_cancelled_order_is_not_abandoned_again()
    {
        var order = NewOrder();
        order.Cancel(Now);
        Assert.False(order.IsAbandoned(Now.AddHours(5)));
    }
}
