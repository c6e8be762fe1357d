using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>Discounts and the service charge through the order's rules: staff set them before the bill, and it applies them.</summary>
public class OrderAdjustmentsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private const string Manager = "staff:0123456789abcdef";
    private static readonly ServiceChargeRule PartyRule = new(0.18m, 8, true);

    private static Menu MenuWith(ServiceChargeRule? rule, decimal taxRate = 0m)
    {
        var menu = DefaultMenu.Create(taxRate);
        return new Menu(menu.Currency, menu.TaxRate, menu.Items, menu.Bundles, rule);
    }

    /// <summary>A soup for each of <paramref name="guests"/> guests (6.00 each), sent to the kitchen.</summary>
    private static Order Sent(int? guests, Menu menu)
    {
        var order = Order.Open("order-1", "T1", guests, Now);
        order.ChangeItems([new NewLine(menu.ItemToOrder("soup"), new Quantity(guests ?? 1), null, null)], [], Now);
        order.Submit(Now);
        return order;
    }

    private static void AssertRefused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void A_party_of_the_rules_size_gets_the_menus_service_charge()
    {
        var menu = MenuWith(PartyRule);
        var bill = Sent(8, menu).CloseWithBill(menu, Now);
        Assert.Equal(Money.FromMajor(8.64m), bill.ServiceCharge);
        Assert.Equal(Money.FromMajor(56.64m), bill.Total);
    }

    [Fact]
    public void A_smaller_party_or_one_that_gave_no_guests_gets_no_service_charge()
    {
        var menu = MenuWith(PartyRule);
        Assert.Equal(Money.Zero, Sent(7, menu).CloseWithBill(menu, Now).ServiceCharge);
        Assert.Equal(Money.Zero, Sent(null, menu).CloseWithBill(menu, Now).ServiceCharge);
    }

    [Fact]
    public void The_orders_own_rate_overrides_the_menus_rule_and_zero_waives_it()
    {
        var menu = MenuWith(PartyRule);
        var waived = Sent(8, menu);
        waived.SetServiceCharge(0m, Now);
        var small = Sent(2, menu);
        small.SetServiceCharge(0.1m, Now);

        Assert.Equal(Money.Zero, waived.CloseWithBill(menu, Now).ServiceCharge);
        Assert.Equal(Money.FromMajor(1.20m), small.CloseWithBill(menu, Now).ServiceCharge);
    }

    [Fact]
    public void A_discount_is_kept_with_who_gave_it_when_and_why()
    {
        var order = Sent(2, MenuWith(null));
        var discount = order.AddDiscount(DiscountKind.Percent, 10m, " happy hour ", Manager, Now);
        Assert.Equal(new LineAudit("happy hour", Manager, Now), discount.Audit);
        Assert.Equal([discount], order.DiscountsInForce);
    }

    [Fact]
    public void A_removed_discount_stays_on_record_and_leaves_the_bill()
    {
        var menu = MenuWith(null);
        var order = Sent(2, menu);
        var discount = order.AddDiscount(DiscountKind.Amount, 5m, "sent back", Manager, Now);
        order.RemoveDiscount(discount.Id, Manager, Now.AddMinutes(1));

        Assert.Equal((Manager, Now.AddMinutes(1)), (discount.RemovedBy, discount.RemovedAt));
        Assert.Single(order.Discounts);
        Assert.Empty(order.DiscountsInForce);
        Assert.Equal(Money.Zero, order.CloseWithBill(menu, Now).Discount);
    }

    [Fact]
    public void Discounts_and_service_charges_are_refused_once_the_order_is_billed()
    {
        var menu = MenuWith(null);
        var order = Sent(2, menu);
        var discount = order.AddDiscount(DiscountKind.Percent, 10m, "happy hour", Manager, Now);
        order.CloseWithBill(menu, Now);

        AssertRefused(DomainErrors.OrderBilled, () => order.AddDiscount(DiscountKind.Percent, 10m, "again", Manager, Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.RemoveDiscount(discount.Id, Manager, Now));
        AssertRefused(DomainErrors.OrderBilled, () => order.SetServiceCharge(0.1m, Now));
    }

    [Theory]
    [InlineData(DiscountKind.Percent, 0)]
    [InlineData(DiscountKind.Percent, 100.01)]
    [InlineData(DiscountKind.Percent, 12.345)]
    [InlineData(DiscountKind.Amount, 0)]
    [InlineData(DiscountKind.Amount, 1.001)]
    public void A_discount_out_of_range_is_refused(DiscountKind kind, double value)
    {
        var order = Sent(2, MenuWith(null));
        AssertRefused(DomainErrors.InvalidDiscount, () => order.AddDiscount(kind, (decimal)value, "why", Manager, Now));
        Assert.Empty(order.Discounts);
    }

    [Fact]
    public void A_discount_without_a_reason_is_refused()
    {
        var order = Sent(2, MenuWith(null));
        AssertRefused(DomainErrors.InvalidReason, () => order.AddDiscount(DiscountKind.Percent, 10m, " ", Manager, Now));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.51)]
    [InlineData(0.12345)]
    public void A_service_charge_rate_out_of_range_is_refused(double rate)
    {
        var order = Sent(2, MenuWith(null));
        AssertRefused(DomainErrors.InvalidServiceCharge, () => order.SetServiceCharge((decimal)rate, Now));
        Assert.Null(order.ServiceChargeRate);
    }

    [Fact]
    public void A_menu_with_a_service_charge_rule_out_of_range_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => MenuWith(new ServiceChargeRule(0.6m, 0, true)));
        Assert.Equal(["serviceCharge.rate", "serviceCharge.minGuests"], refusal.Problems.Select(p => p.Field));
    }
}
