using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>What a line captures when it is added, and how held lines wait for fire while submit sends the rest.</summary>
public class OrderHoldAndFireTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();

    private static Order NewOrder() => Order.Open("order-1", "T1", 3, Now);

    private static NewLine Line(string itemId, int quantity = 1, string[]? options = null, int? course = null, bool hold = false)
    {
        var item = Menu.ItemToOrder(itemId);
        return new NewLine(item, new Quantity(quantity), null, null) { Options = item.ChooseOptions(options ?? []), Course = course, Hold = hold };
    }

    private static void AssertRefused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void A_line_captures_its_options_and_a_unit_price_that_includes_them()
    {
        var line = NewOrder().ChangeItems([Line("burger", 2, ["medium", "cheese", "bacon"])], [], Now).Single();

        Assert.Equal(new Money(1200 + 100 + 150), line.UnitPrice);
        Assert.Equal(new Money(1200), line.ItemPrice);
        Assert.Equal(["medium", "cheese", "bacon"], line.Options.Select(o => o.OptionId));
        Assert.Equal([0L, 100L, 150L], line.Options.Select(o => o.Price.Minor));
    }

    [Fact]
    public void A_line_keeps_the_option_prices_it_was_added_at()
    {
        var order = NewOrder();
        order.ChangeItems([Line("coffee", options: ["oat"])], [], Now);
        var repriced = Menu.ItemToOrder("coffee") with
        {
            OptionGroups = [new OptionGroup("milk", "Milk", 0, 1, [new MenuOption("oat", "Oat milk", new Money(80), true)])],
        };

        order.ChangeItems([new NewLine(repriced, new Quantity(1), null, null) { Options = repriced.ChooseOptions(["oat"]) }], [], Now);

        Assert.Equal([350L, 380L], order.Lines.Select(l => l.UnitPrice.Minor));
    }

    [Fact]
    public void A_line_takes_its_items_station_course_and_allergens_unless_given_a_course()
    {
        var order = NewOrder();
        var lines = order.ChangeItems([Line("cake"), Line("tea"), Line("soup", course: 2)], [], Now);

        Assert.Equal([("kitchen", 3), ("bar", 1), ("kitchen", 2)], lines.Select(l => (l.Station, l.Course)));
        Assert.Equal(["gluten", "eggs", "milk"], lines[0].Allergens);
        Assert.Equal(["vegan"], order.ChangeItems([Line("salad")], [], Now).Single().Dietary);
    }

    [Fact]
    public void A_course_outside_1_to_20_is_refused()
    {
        AssertRefused(DomainErrors.InvalidLine, () => NewOrder().ChangeItems([Line("tea", course: 0)], [], Now));
        AssertRefused(DomainErrors.InvalidLine, () => NewOrder().ChangeItems([Line("tea", course: 21)], [], Now));
    }

    [Fact]
    public void Submit_sends_pending_lines_and_leaves_held_ones_back()
    {
        var order = NewOrder();
        var lines = order.ChangeItems([Line("soup"), Line("cake", hold: true)], [], Now);

        var ticket = order.Submit(Now)!;

        Assert.Equal(1, ticket.Number);
        Assert.Equal(TicketKind.Order, ticket.Kind);
        Assert.Equal([LineStatus.Sent, LineStatus.Held], lines.Select(l => l.Status));
        Assert.Equal([lines[1].Id], order.HeldLines.Select(l => l.Id));
        Assert.Null(order.Submit(Now));
    }

    [Fact]
    public void Fire_sends_the_held_lines_as_the_next_ticket_in_the_orders_numbering()
    {
        var order = NewOrder();
        var lines = order.ChangeItems([Line("soup"), Line("cake", hold: true), Line("coffee", hold: true)], [], Now);
        order.Submit(Now);
        var version = order.Version;

        var fired = order.Fire(null, Now.AddMinutes(40))!;

        Assert.Equal((2, TicketKind.Order, Now.AddMinutes(40)), (fired.Number, fired.Kind, fired.SubmittedAt));
        Assert.Equal([lines[1].Id, lines[2].Id], order.LinesOf(fired).Select(l => l.Id));
        Assert.All(lines, l => Assert.Equal(LineStatus.Sent, l.Status));
        Assert.Equal(version + 1, order.Version);
    }

    [Fact]
    public void Fire_of_a_course_sends_only_that_courses_held_lines()
    {
        var order = NewOrder();
        var lines = order.ChangeItems([Line("burger", options: ["rare"], hold: true), Line("cake", hold: true)], [], Now);

        var mains = order.Fire(2, Now)!;

        Assert.Equal([lines[0].Id], order.LinesOf(mains).Select(l => l.Id));
        Assert.Equal(LineStatus.Held, lines[1].Status);
        Assert.Null(order.Fire(2, Now));
        Assert.Equal(2, order.Fire(3, Now)!.Number);
    }

    [Fact]
    public void Fire_with_nothing_held_makes_no_ticket_and_changes_nothing()
    {
        var order = NewOrder();
        order.ChangeItems([Line("soup")], [], Now);
        var version = order.Version;

        Assert.Null(order.Fire(null, Now));
        Assert.Equal(version, order.Version);
        Assert.Empty(order.Tickets);
    }

    [Fact]
    public void A_held_line_may_be_removed_until_it_is_fired()
    {
        var order = NewOrder();
        var held = order.ChangeItems([Line("cake", hold: true), Line("tea", hold: true)], [], Now);

        order.ChangeItems([], [held[0].Id], Now);
        order.Fire(null, Now);

        Assert.Equal([held[1].Id], order.Lines.Select(l => l.Id));
        AssertRefused(DomainErrors.LineSubmitted, () => order.ChangeItems([], [held[1].Id], Now));
    }

    [Fact]
    public void A_bill_is_refused_while_a_line_is_held()
    {
        var order = NewOrder();
        order.ChangeItems([Line("soup"), Line("cake", hold: true)], [], Now);
        order.Submit(Now);

        AssertRefused(DomainErrors.PendingItems, () => order.CloseWithBill(Menu, Now));
        order.Fire(null, Now);
        Assert.Equal(new Money(1250), order.CloseWithBill(Menu, Now).Total);
    }

    [Fact]
    public void Fire_after_the_bill_is_refused_as_order_billed()
    {
        var order = NewOrder();
        order.ChangeItems([Line("soup")], [], Now);
        order.Submit(Now);
        order.CloseWithBill(Menu, Now);

        AssertRefused(DomainErrors.OrderBilled, () => order.Fire(null, Now));
    }
}
