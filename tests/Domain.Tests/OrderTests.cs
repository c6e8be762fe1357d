using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

public class OrderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();

    private static Order NewOrder(string table = "T1") => Order.Open("order-1", table, 3, Now);

    private static NewLine Line(string itemId, int quantity = 1, string? diner = null, string? note = null, Menu? menu = null) =>
        new((menu ?? Menu).ItemToOrder(itemId), new Quantity(quantity), diner, note);

    private static IReadOnlyList<OrderLine> Add(Order order, params NewLine[] lines) => order.ChangeItems(lines, [], Now);

    private static Order BilledOrder()
    {
        var order = NewOrder();
        Add(order, Line("omelet"), Line("coffee"));
        order.Submit(Now);
        order.CloseWithBill(Menu, Now);
        return order;
    }

    private static void AssertRefused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Open_starts_an_empty_open_order()
    {
        var order = Order.Open("order-1", "A-12", 4, Now);
        Assert.Equal("order-1", order.Id);
        Assert.Equal("A-12", order.Table);
        Assert.Equal(4, order.Guests);
        Assert.Equal(Now, order.CreatedAt);
        Assert.Equal(Now, order.LastChangedAt);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(0, order.Version);
        Assert.Empty(order.Lines);
        Assert.Empty(order.Tickets);
        Assert.Null(order.Bill);
        Assert.Null(order.Balance);
        Assert.Equal(Money.Zero, order.Paid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("table 1")]
    [InlineData("T_1")]
    [InlineData("T1!")]
    [InlineData("tablé")]
    [InlineData("123456789012345678901")]
    public void Open_refuses_an_invalid_table(string table)
    {
        AssertRefused(DomainErrors.InvalidTable, () => Order.Open("order-1", table, null, Now));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("T-1")]
    [InlineData("patio-B7")]
    [InlineData("12345678901234567890")]
    public void Open_accepts_a_valid_table(string table) => Assert.Equal(table, Order.Open("order-1", table, null, Now).Table);

    [Fact]
    public void ChangeItems_adds_lines_with_the_captured_price_diner_and_note()
    {
        var order = NewOrder();
        var added = Add(order, Line("salad", 2, "John", "no onions"), Line("coffee"));

        Assert.Equal(2, added.Count);
        Assert.Equal(added, order.Lines);
        var salad = added[0];
        Assert.Equal("salad", salad.MenuItemId);
        Assert.Equal("Garden Salad", salad.Name);
        Assert.Equal(2, salad.Quantity.Value);
        Assert.Equal(new Money(800), salad.UnitPrice);
        Assert.Equal("John", salad.Diner);
        Assert.Equal("no onions", salad.Note);
        Assert.True(salad.IsPending);
        Assert.Null(salad.TicketNumber);
        Assert.Null(added[1].Diner);
        Assert.NotEqual(added[0].Id, added[1].Id);
        Assert.Equal([1, 2], order.Lines.Select(l => l.Position));
    }

    [Fact]
    public void New_lines_are_positioned_after_the_remaining_ones()
    {
        var order = NewOrder();
        var first = Add(order, Line("salad"), Line("juice"));
        order.ChangeItems([Line("cake")], [first[0].Id], Now);
        Assert.Equal([2, 3], order.Lines.Select(l => l.Position));
        Assert.Equal(["juice", "cake"], order.Lines.Select(l => l.MenuItemId));

        order.ChangeItems([Line("tea"), Line("soda")], [order.Lines[1].Id], Now);
        Assert.Equal(["juice", "tea", "soda"], order.Lines.Select(l => l.MenuItemId));
        var positions = order.Lines.Select(l => l.Position).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    [Fact]
    public void An_order_holds_at_most_200_units_counting_removals_in_the_same_change()
    {
        var order = NewOrder();
        Add(order, [.. Enumerable.Range(0, 4).Select(_ => Line("coffee", 50))]);
        var version = order.Version;

        AssertRefused(DomainErrors.OrderTooLarge, () => Add(order, Line("tea")));
        Assert.Equal(200, order.Lines.Sum(l => l.Quantity.Value));
        Assert.Equal(version, order.Version);

        order.ChangeItems([Line("tea", 50)], [order.Lines[0].Id], Now);
        Assert.Equal(200, order.Lines.Sum(l => l.Quantity.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Open_refuses_a_guest_count_outside_1_to_100(int guests) =>
        AssertRefused(DomainErrors.InvalidGuests, () => Order.Open("order-1", "T1", guests, Now));

    [Fact]
    public void A_diner_name_or_note_too_long_is_refused_and_adds_nothing()
    {
        var order = NewOrder();

        AssertRefused(DomainErrors.InvalidLine, () => Add(order, Line("tea"), Line("coffee", diner: new string('d', 41))));
        AssertRefused(DomainErrors.InvalidLine, () => Add(order, Line("tea", note: new string('n', 201))));
        Assert.Empty(order.Lines);
    }

    [Fact]
    public void Lines_keep_the_price_they_were_added_at()
    {
        var order = NewOrder();
        Add(order, Line("salad"));
        var cheaper = new Menu("USD", 0m,
            TestMenus.DefaultItems().Select(i => i.Id == "salad" ? i with { Price = new Money(700) } : i).ToList(),
            TestMenus.DefaultBundles());
        Add(order, Line("salad", menu: cheaper));
        Assert.Equal([800L, 700L], order.Lines.Select(l => l.UnitPrice.Minor));
    }

    [Fact]
    public void Removing_a_pending_line_removes_it()
    {
        var order = NewOrder();
        var added = Add(order, Line("salad"), Line("juice"));
        var removedNothingAdded = order.ChangeItems([], [added[0].Id], Now);
        Assert.Empty(removedNothingAdded);
        Assert.Equal([added[1].Id], order.Lines.Select(l => l.Id));
    }

    [Fact]
    public void Removing_the_same_line_twice_in_one_change_removes_it_once()
    {
        var order = NewOrder();
        var added = Add(order, Line("salad"), Line("juice"));
        order.ChangeItems([], [added[0].Id, added[0].Id], Now);
        Assert.Equal([added[1].Id], order.Lines.Select(l => l.Id));
    }

    [Fact]
    public void Removing_an_unknown_line_is_refused_and_changes_nothing()
    {
        var order = NewOrder();
        var added = Add(order, Line("salad"), Line("juice"));
        var version = order.Version;

        AssertRefused(DomainErrors.UnknownLine, () => order.ChangeItems([Line("cake")], ["no-such-line"], Now));

        Assert.Equal(version, order.Version);
        Assert.Equal(added.Select(l => l.Id), order.Lines.Select(l => l.Id));
    }

    [Fact]
    public void A_change_with_a_valid_and_an_unknown_removal_changes_nothing()
    {
        var order = NewOrder();
        var added = Add(order, Line("salad"), Line("juice"));
        var version = order.Version;

        AssertRefused(DomainErrors.UnknownLine, () => order.ChangeItems([Line("cake")], [added[0].Id, "no-such-line"], Now));

        Assert.Equal(version, order.Version);
        Assert.Equal(added.Select(l => l.Id), order.Lines.Select(l => l.Id));
        Assert.All(order.Lines, l => Assert.True(l.IsPending));
    }

    [Fact]
    public void Removing_a_submitted_line_is_refused_and_changes_nothing()
    {
        var order = NewOrder();
        var sent = Add(order, Line("salad"));
        order.Submit(Now);
        var pending = Add(order, Line("juice"));
        var version = order.Version;

        AssertRefused(DomainErrors.LineSubmitted, () => order.ChangeItems([Line("cake")], [sent[0].Id], Now));
        AssertRefused(DomainErrors.LineSubmitted, () => order.ChangeItems([], [pending[0].Id, sent[0].Id], Now));

        Assert.Equal(version, order.Version);
        Assert.Equal([sent[0].Id, pending[0].Id], order.Lines.Select(l => l.Id));
    }

    [Fact]
    public void Submit_sends_pending_lines_as_tickets_numbered_from_one()
    {
        var order = NewOrder();
        var first = Add(order, Line("salad"), Line("juice"));
        var ticket1 = order.Submit(Now);
        Assert.NotNull(ticket1);
        Assert.Equal(1, ticket1.Number);
        Assert.Equal(Now, ticket1.SubmittedAt);
        Assert.All(first, l => Assert.Equal(1, l.TicketNumber));
        Assert.Empty(order.PendingLines);

        var second = Add(order, Line("cake"));
        Assert.Equal([second[0].Id], order.PendingLines.Select(l => l.Id));
        var ticket2 = order.Submit(Now.AddMinutes(5));
        Assert.NotNull(ticket2);
        Assert.Equal(2, ticket2.Number);
        Assert.Equal(2, second[0].TicketNumber);
        Assert.All(first, l => Assert.Equal(1, l.TicketNumber));

        Assert.Equal([1, 2], order.Tickets.Select(t => t.Number));
    }

    [Fact]
    public void Submit_with_nothing_pending_makes_no_ticket_and_leaves_no_gap()
    {
        var order = NewOrder();
        Assert.Null(order.Submit(Now));
        Assert.Empty(order.Tickets);

        Add(order, Line("salad"));
        Assert.Equal(1, order.Submit(Now)!.Number);
        Assert.Null(order.Submit(Now));
        Add(order, Line("juice"));
        Assert.Equal(2, order.Submit(Now)!.Number);
        Assert.Null(order.Submit(Now));

        Assert.Equal([1, 2], order.Tickets.Select(t => t.Number));
        Assert.Equal(OrderStatus.Open, order.Status);
    }

    [Fact]
    public void Version_bumps_on_every_change()
    {
        var order = NewOrder();
        var v0 = order.Version;

        var added = Add(order, Line("salad"), Line("juice"));
        var v1 = order.Version;
        Assert.True(v1 > v0);

        order.ChangeItems([], [added[1].Id], Now);
        var v2 = order.Version;
        Assert.True(v2 > v1);

        order.Submit(Now);
        var v3 = order.Version;
        Assert.True(v3 > v2);

        order.CloseWithBill(Menu, Now);
        var v4 = order.Version;
        Assert.True(v4 > v3);
    }

    [Fact]
    public void Billing_with_pending_lines_is_refused_and_changes_nothing()
    {
        var order = NewOrder();
        Add(order, Line("salad"));
        order.Submit(Now);
        Add(order, Line("juice"));
        var version = order.Version;

        AssertRefused(DomainErrors.PendingItems, () => order.CloseWithBill(Menu, Now));

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Null(order.Bill);
        Assert.Equal(version, order.Version);
    }

    [Fact]
    public void Billing_with_only_pending_lines_is_refused_as_pending()
    {
        var order = NewOrder();
        Add(order, Line("salad"));
        AssertRefused(DomainErrors.PendingItems, () => order.CloseWithBill(Menu, Now));
    }

    [Fact]
    public void Billing_an_empty_order_is_refused()
    {
        var order = NewOrder();
        AssertRefused(DomainErrors.EmptyOrder, () => order.CloseWithBill(Menu, Now));
        order.Submit(Now);
        AssertRefused(DomainErrors.EmptyOrder, () => order.CloseWithBill(Menu, Now));

        var emptied = NewOrder();
        var added = Add(emptied, Line("salad"));
        emptied.ChangeItems([], [added[0].Id], Now);
        AssertRefused(DomainErrors.EmptyOrder, () => emptied.CloseWithBill(Menu, Now));
        Assert.Equal(OrderStatus.Open, emptied.Status);
        Assert.Null(emptied.Bill);
    }

    [Fact]
    public void Billing_closes_the_order()
    {
        var order = BilledOrder();
        Assert.Equal(OrderStatus.Billed, order.Status);
        Assert.NotNull(order.Bill);
        Assert.Equal(new Money(1000), order.Bill.Total);
        Assert.Equal(new Money(1000), order.Balance);
    }

    [Fact]
    public void The_bill_is_frozen_even_against_another_menu()
    {
        var order = BilledOrder();
        var bill = order.Bill!;
        var version = order.Version;

        var noBundlesTaxed = new Menu("EUR", 0.2m,
            TestMenus.DefaultItems().Select(i => i with { Price = new Money(100) }).ToList(), []);
        var again = order.CloseWithBill(noBundlesTaxed, Now);

        Assert.Same(bill, again);
        Assert.Same(bill, order.CloseWithBill(Menu, Now));
        Assert.Equal("USD", again.Currency);
        Assert.Equal(new Money(1000), again.Total);
        Assert.Equal(version, order.Version);
        Assert.Equal(OrderStatus.Billed, order.Status);
    }

    [Fact]
    public void A_billed_order_refuses_item_changes()
    {
        var order = BilledOrder();
        var version = order.Version;
        var lines = order.Lines.Select(l => l.Id).ToList();

        AssertRefused(DomainErrors.OrderBilled, () => order.ChangeItems([Line("cake")], [], Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.ChangeItems([], [], Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.ChangeItems([], [lines[0]], Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.ChangeItems([], ["no-such-line"], Now));

        Assert.Equal(version, order.Version);
        Assert.Equal(lines, order.Lines.Select(l => l.Id));
    }

    [Fact]
    public void A_billed_order_refuses_submit()
    {
        var order = BilledOrder();
        var version = order.Version;
        AssertRefused(DomainErrors.OrderBilled, () => order.Submit(Now));
        Assert.Equal(version, order.Version);
        Assert.Single(order.Tickets);
    }

    [Fact]
    public void The_seed_story_bills_twenty_dollars_through_the_order()
    {
        var order = NewOrder();
        var lines = Add(order,
            Line("salad", diner: "John"), Line("juice", diner: "John"),
            Line("omelet", diner: "Jane"),
            Line("coffee", diner: "Derek"));
        order.Submit(Now);

        var bill = order.CloseWithBill(Menu, Now);

        Assert.Equal(new Money(2400), bill.Subtotal);
        Assert.Equal(new Money(400), bill.Savings);
        Assert.Equal(new Money(2000), bill.Total);
        var saladJuice = Assert.Single(bill.Bundles, b => b.BundleId == "salad-juice");
        Assert.Equal([lines[0].Id, lines[1].Id], saladJuice.LineIds);
        var omeletCoffee = Assert.Single(bill.Bundles, b => b.BundleId == "omelet-coffee");
        Assert.Equal([lines[2].Id, lines[3].Id], omeletCoffee.LineIds);
        Assert.Equal(new Money(2000), order.Balance);
    }
}
