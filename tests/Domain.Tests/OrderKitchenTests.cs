using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>What happens to lines the kitchen has: its statuses, voids and comps, each through the order's rules.</summary>
public class OrderKitchenTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();
    private const string Waiter = "staff:0123456789abcdef";

    private static NewLine Line(string itemId, int quantity = 1, params string[] options)
    {
        var item = Menu.ItemToOrder(itemId);
        return new NewLine(item, new Quantity(quantity), null, null) { Options = item.ChooseOptions(options) };
    }

    /// <summary>An order whose lines went to the kitchen on ticket 1.</summary>
    private static (Order Order, IReadOnlyList<OrderLine> Lines) Sent(params NewLine[] lines)
    {
        var order = Order.Open("order-1", "T1", 3, Now);
        var added = order.ChangeItems(lines, [], Now);
        order.Submit(Now);
        return (order, added);
    }

    private static void AssertRefused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    private static LineVoid All(OrderLine line) => new(line.Id, null);

    [Fact]
    public void The_kitchen_moves_lines_forward_one_step_or_several()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));

        Assert.Equal(2, order.MoveLines(1, LineStatus.Preparing, null, Now).Count);
        order.MoveLines(1, LineStatus.Served, [lines[1].Id], Now);

        Assert.Equal([LineStatus.Preparing, LineStatus.Served], lines.Select(l => l.Status));
    }

    [Fact]
    public void A_line_never_moves_back()
    {
        var (order, lines) = Sent(Line("soup"));
        order.MoveLines(1, LineStatus.Ready, null, Now);

        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(1, LineStatus.Preparing, [lines[0].Id], Now));
        Assert.Equal(LineStatus.Ready, lines[0].Status);
    }

    [Fact]
    public void Moving_a_whole_ticket_leaves_lines_already_at_or_past_the_status_where_they_are()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));
        order.MoveLines(1, LineStatus.Served, [lines[1].Id], Now);

        var moved = order.MoveLines(1, LineStatus.Ready, null, Now);

        Assert.Equal([lines[0].Id], moved.Select(l => l.Id));
        Assert.Equal([LineStatus.Ready, LineStatus.Served], lines.Select(l => l.Status));
    }

    [Fact]
    public void Asking_for_the_status_a_line_already_has_changes_nothing()
    {
        var (order, lines) = Sent(Line("soup"));
        order.MoveLines(1, LineStatus.Ready, null, Now);
        var version = order.Version;

        Assert.Empty(order.MoveLines(1, LineStatus.Ready, [lines[0].Id], Now));
        Assert.Equal(version, order.Version);
    }

    [Fact]
    public void A_voided_line_never_moves()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));
        order.Void([All(lines[0])], "sent back", Waiter, Now);

        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(1, LineStatus.Preparing, [lines[0].Id], Now));
        Assert.Equal([lines[1].Id], order.MoveLines(1, LineStatus.Preparing, null, Now).Select(l => l.Id));
        Assert.Equal(LineStatus.Voided, lines[0].Status);
        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(2, LineStatus.Ready, null, Now));
    }

    [Fact]
    public void A_ticket_whose_lines_are_all_voided_cannot_move()
    {
        var (order, lines) = Sent(Line("soup"));
        order.Void([All(lines[0])], "sent back", Waiter, Now);

        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(1, LineStatus.Ready, null, Now));
    }

    [Fact]
    public void Only_the_tickets_own_lines_move_and_only_forward_statuses_are_kitchen_moves()
    {
        var (order, lines) = Sent(Line("soup"));
        var later = order.ChangeItems([Line("tea")], [], Now);
        order.Submit(Now);

        AssertRefused(DomainErrors.UnknownLine, () => order.MoveLines(1, LineStatus.Ready, [later[0].Id], Now));
        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(1, LineStatus.Voided, null, Now));
        AssertRefused(DomainErrors.InvalidStatusChange, () => order.MoveLines(1, LineStatus.Sent, null, Now));
        AssertRefused(DomainErrors.UnknownTicket, () => order.MoveLines(9, LineStatus.Ready, null, Now));
        Assert.Equal(LineStatus.Sent, lines[0].Status);
    }

    [Fact]
    public void The_kitchen_keeps_bumping_lines_after_the_bill_and_payment()
    {
        var (order, lines) = Sent(Line("soup"));
        order.CloseWithBill(Menu, Now);

        order.MoveLines(1, LineStatus.Served, null, Now);

        Assert.Equal(LineStatus.Served, lines[0].Status);
        Assert.Equal(OrderStatus.Billed, order.Status);
    }

    [Fact]
    public void A_void_of_a_whole_line_sends_a_void_ticket_in_the_orders_numbering_and_audits_it()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));

        var ticket = order.Void([All(lines[0])], "  Diner changed their mind  ", Waiter, Now.AddMinutes(5));

        Assert.Equal((2, TicketKind.Void), (ticket.Number, ticket.Kind));
        Assert.Equal([lines[0].Id], order.LinesOf(ticket).Select(l => l.Id));
        Assert.Equal(new LineAudit("Diner changed their mind", Waiter, Now.AddMinutes(5)), lines[0].Void);
        Assert.Equal(LineStatus.Voided, lines[0].Status);
        Assert.Equal([lines[0].Id, lines[1].Id], order.LinesOf(order.Tickets[0]).Select(l => l.Id));
    }

    [Fact]
    public void A_partial_void_splits_the_line()
    {
        var (order, lines) = Sent(Line("burger", 3, "medium", "cheese"));
        order.MoveLines(1, LineStatus.Preparing, null, Now);

        var ticket = order.Void([new LineVoid(lines[0].Id, 1)], "one fewer", Waiter, Now);

        var voided = Assert.Single(order.LinesOf(ticket));
        Assert.NotEqual(lines[0].Id, voided.Id);
        Assert.Equal((2, LineStatus.Preparing), (lines[0].Quantity.Value, lines[0].Status));
        Assert.Equal((1, LineStatus.Voided, 1), (voided.Quantity.Value, voided.Status, voided.TicketNumber));
        Assert.Equal((lines[0].MenuItemId, lines[0].UnitPrice, lines[0].Options), (voided.MenuItemId, voided.UnitPrice, voided.Options));
        Assert.Equal(3, order.LinesOf(order.Tickets[0]).Sum(l => l.Quantity.Value));
    }

    [Fact]
    public void Voided_units_leave_the_bill()
    {
        var (order, lines) = Sent(Line("burger", 2, "medium", "bacon"), Line("fries"), Line("soda"));
        order.Void([new LineVoid(lines[0].Id, 1), All(lines[2])], "kitchen ran out", Waiter, Now);

        var bill = order.CloseWithBill(Menu, Now);

        Assert.Equal(new Money(1350 + 1350 + 400 - 1350 - 0), bill.Subtotal);
        Assert.Equal(new Money(1350 + 400), bill.Total);
    }

    [Fact]
    public void A_line_the_kitchen_never_had_is_removed_not_voided()
    {
        var order = Order.Open("order-1", "T1", null, Now);
        var pending = order.ChangeItems([Line("soup"), Line("cake") with { Hold = true }], [], Now);

        AssertRefused(DomainErrors.LineNotSent, () => order.Void([All(pending[0])], "oops", Waiter, Now));
        AssertRefused(DomainErrors.LineNotSent, () => order.Void([All(pending[1])], "oops", Waiter, Now));
        Assert.Empty(order.Tickets);
    }

    [Fact]
    public void A_void_is_refused_for_a_voided_line_a_quantity_it_does_not_have_or_a_line_named_twice()
    {
        var (order, lines) = Sent(Line("soup", 2), Line("tea"));
        order.Void([All(lines[1])], "spilled", Waiter, Now);
        var version = order.Version;

        AssertRefused(DomainErrors.InvalidStatusChange, () => order.Void([All(lines[1])], "again", Waiter, Now));
        AssertRefused(DomainErrors.InvalidLine, () => order.Void([new LineVoid(lines[0].Id, 3)], "too many", Waiter, Now));
        AssertRefused(DomainErrors.InvalidLine, () => order.Void([new LineVoid(lines[0].Id, 1), new LineVoid(lines[0].Id, 1)], "twice", Waiter, Now));
        AssertRefused(DomainErrors.UnknownLine, () => order.Void([new LineVoid("nope", null)], "who", Waiter, Now));
        Assert.Equal(version, order.Version);
        Assert.Equal(2, order.Tickets.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_void_or_comp_without_a_reason_is_refused(string? reason)
    {
        var (order, lines) = Sent(Line("soup"));

        AssertRefused(DomainErrors.InvalidReason, () => order.Void([All(lines[0])], reason, Waiter, Now));
        AssertRefused(DomainErrors.InvalidReason, () => order.Comp([lines[0].Id], reason, Waiter, Now));
        AssertRefused(DomainErrors.InvalidReason, () => order.Comp([lines[0].Id], new string('x', 201), Waiter, Now));
        AssertRefused(DomainErrors.InvalidText, () => order.Comp([lines[0].Id], "a\u202Eb", Waiter, Now));
    }

    [Fact]
    public void A_comp_keeps_the_line_on_its_ticket_and_bills_it_at_zero_outside_any_bundle()
    {
        var (order, lines) = Sent(Line("omelet"), Line("coffee", 1, "oat"));

        order.Comp([lines[1].Id], "birthday", Waiter, Now);
        var bill = order.CloseWithBill(Menu, Now);

        Assert.Equal(new LineAudit("birthday", Waiter, Now), lines[1].Comp);
        Assert.Equal(LineStatus.Sent, lines[1].Status);
        Assert.Empty(bill.Bundles);
        Assert.Equal((new Money(900 + 350), new Money(350), new Money(900)), (bill.Subtotal, bill.Comps, bill.Total));
        Assert.True(bill.Items.Single(i => i.MenuItemId == "coffee").Comped);
    }

    [Fact]
    public void A_comp_is_refused_for_a_voided_or_already_comped_line()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));
        order.Void([All(lines[0])], "sent back", Waiter, Now);
        order.Comp([lines[1].Id], "on the house", Waiter, Now);

        AssertRefused(DomainErrors.InvalidStatusChange, () => order.Comp([lines[0].Id], "why", Waiter, Now));
        AssertRefused(DomainErrors.InvalidStatusChange, () => order.Comp([lines[1].Id], "again", Waiter, Now));
        Assert.Equal("on the house", lines[1].Comp!.Reason);
    }

    [Fact]
    public void A_comped_line_may_still_be_voided_and_then_leaves_the_bill()
    {
        var (order, lines) = Sent(Line("soup"), Line("tea"));
        order.Comp([lines[0].Id], "cold", Waiter, Now);
        order.Void([All(lines[0])], "sent back", Waiter, Now);

        var bill = order.CloseWithBill(Menu, Now);

        Assert.Equal((new Money(250), Money.Zero, new Money(250)), (bill.Subtotal, bill.Comps, bill.Total));
    }

    [Fact]
    public void Void_and_comp_are_refused_once_the_order_is_billed_or_paid()
    {
        var (order, lines) = Sent(Line("soup"));
        order.CloseWithBill(Menu, Now);

        AssertRefused(DomainErrors.OrderBilled, () => order.Void([All(lines[0])], "late", Waiter, Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.Comp([lines[0].Id], "late", Waiter, Now));
        order.TakePayment(order.Balance!.Value, [new NewTender(TenderMethod.Cash, order.Balance!.Value, Money.Zero, null)], Now, 1m);
        AssertRefused(DomainErrors.OrderPaid, () => order.Void([All(lines[0])], "later", Waiter, Now));
        AssertRefused(DomainErrors.OrderPaid, () => order.Fire(null, Now));
    }

    [Fact]
    public void An_order_whose_every_line_was_voided_has_nothing_to_bill()
    {
        var (order, lines) = Sent(Line("soup"));
        order.Void([All(lines[0])], "sent back", Waiter, Now);

        AssertRefused(DomainErrors.EmptyOrder, () => order.CloseWithBill(Menu, Now));
    }
}
