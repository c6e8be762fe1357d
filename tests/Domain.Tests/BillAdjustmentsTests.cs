using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>Hand-picked cases of the bill's steps 3 to 6: where each rounding goes, and the order of the discounts.</summary>
public class BillAdjustmentsTests
{
    private static BillLine Line(string id, long minor, string? diner = null, int quantity = 1) =>
        new(id, "item-" + id, "Item " + id, quantity, new Money(minor), diner);

    private static Bill Bill(IEnumerable<BillLine> lines, decimal taxRate, decimal serviceRate = 0m, bool taxable = true,
        params DiscountTerm[] discounts) =>
        BillCalculator.Calculate(lines, [], "USD", taxRate, new BillAdjustments(discounts, serviceRate, taxable), PricingBudget.Default);

    private static DiscountTerm Percent(decimal value, string id = "p") => new(id, "happy hour", DiscountKind.Percent, value);
    private static DiscountTerm Amount(decimal value, string id = "a") => new(id, "sent back", DiscountKind.Amount, value);

    [Fact]
    public void A_percentage_that_ends_in_half_a_cent_rounds_away_from_zero()
    {
        var bill = Bill([Line("1", 5)], 0m, discounts: Percent(10));
        Assert.Equal(1, bill.Discount.Minor);
        Assert.Equal(4, bill.Total.Minor);
    }

    [Fact]
    public void A_service_charge_that_ends_in_half_a_cent_rounds_away_from_zero()
    {
        // 18% of 2.75 is 0.495.
        var bill = Bill([Line("1", 275)], 0m, 0.18m);
        Assert.Equal(50, bill.ServiceCharge.Minor);
        Assert.Equal(325, bill.Total.Minor);
    }

    [Fact]
    public void Tax_is_on_the_discounted_amount_plus_a_taxable_service_charge()
    {
        // 20.00 less 10% is 18.00; 18% of it is 3.24; 8.25% of 21.24 is 1.7523.
        var bill = Bill([Line("1", 2000)], 0.0825m, 0.18m, true, Percent(10));
        Assert.Equal((200, 324, 175), (bill.Discount.Minor, bill.ServiceCharge.Minor, bill.Tax.Minor));
        Assert.Equal(1800 + 324 + 175, bill.Total.Minor);
    }

    [Fact]
    public void A_service_charge_that_is_not_taxable_is_left_out_of_the_tax()
    {
        // 8.25% of 18.00 is 1.485.
        var bill = Bill([Line("1", 2000)], 0.0825m, 0.18m, false, Percent(10));
        Assert.Equal(149, bill.Tax.Minor);
        Assert.Equal(1800 + 324 + 149, bill.Total.Minor);
    }

    [Fact]
    public void Percentages_come_before_amounts_whatever_order_they_were_given_in()
    {
        // 10.00: half off leaves 5.00, then 5.00 off leaves nothing (amounts first would leave 2.50).
        var bill = Bill([Line("1", 1000)], 0m, discounts: [Amount(5), Percent(50)]);
        Assert.Equal(["p", "a"], bill.Discounts.Select(d => d.DiscountId));
        Assert.Equal(Money.Zero, bill.Total);
    }

    [Fact]
    public void Each_percentage_is_on_what_the_ones_before_it_left()
    {
        // 10.00 less 50% is 5.00, less 50% of that is 2.50: never below zero, however many.
        var bill = Bill([Line("1", 1000)], 0m, discounts: [Percent(50, "p1"), Percent(50, "p2")]);
        Assert.Equal([500L, 250L], bill.Discounts.Select(d => d.Amount.Minor));
        Assert.Equal(250, bill.Total.Minor);
    }

    [Fact]
    public void An_amount_larger_than_the_bill_takes_it_to_zero_and_no_further()
    {
        var bill = Bill([Line("1", 800)], 0.1m, 0.18m, true, Amount(50));
        Assert.Equal(800, bill.Discount.Minor);
        Assert.Equal((0L, 0L, 0L), (bill.ServiceCharge.Minor, bill.Tax.Minor, bill.Total.Minor));
        Assert.All(bill.Shares, s => Assert.Equal(Money.Zero, s.Amount));
    }

    [Fact]
    public void Each_diner_carries_a_part_of_every_step_and_the_shares_add_up_by_largest_remainder()
    {
        // 3.00 less 10% is 2.70 (0.10 each); 18% of 2.70 is 0.486, so 0.49: 0.17, 0.16, 0.16.
        var bill = Bill([Line("1", 100, "Ann"), Line("2", 100, "Bob"), Line("3", 100, "Cy")], 0m, 0.18m, true, Percent(10));
        Assert.Equal(49, bill.ServiceCharge.Minor);
        Assert.Equal([107L, 106L, 106L], bill.Shares.Select(s => s.Amount.Minor));
        Assert.Equal(bill.Total.Minor, bill.Shares.Sum(s => s.Amount.Minor));
    }

    [Fact]
    public void A_diner_whose_units_were_all_comped_pays_no_part_of_the_charge_or_the_tax()
    {
        var lines = new[] { Line("1", 1000, "Ann"), Line("2", 1000, "Bob") with { Comped = true } };
        var bill = Bill(lines, 0.1m, 0.2m, true, Percent(10));
        Assert.Equal(Money.Zero, bill.Shares.Single(s => s.Diner == "Bob").Amount);
        Assert.Equal(bill.Total, bill.Shares.Single(s => s.Diner == "Ann").Amount);
    }
}
