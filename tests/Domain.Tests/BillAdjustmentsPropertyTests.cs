using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The bill's steps 3 to 6 (discounts, service charge, tax, total) for random tables, bundles, comps, diners, discounts,
/// service charge rates and tax rates, against a plain calculation in major units that follows the steps as written.
/// </summary>
public class BillAdjustmentsPropertyTests
{
    private const int Cases = 2000;
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    public sealed record AdjustedCase(PricingCase Table, BillAdjustments Adjustments, decimal TaxRate)
    {
        public Bill Bill() => BillCalculator.Calculate(Table.Lines, Table.Bundles, "USD", TaxRate, Adjustments, PricingBudget.Default);

        public Bill Unadjusted() => BillCalculator.Calculate(Table.Lines, Table.Bundles, "USD", TaxRate);

        public override string ToString() =>
            $"{Table}; tax {TaxRate}; service {Adjustments.ServiceChargeRate} (taxable {Adjustments.ServiceChargeTaxable}); " +
            $"discounts {string.Join(", ", Adjustments.Discounts.Select(d => $"{d.Kind} {d.Value}"))}";
    }

    private static readonly Gen<DiscountTerm> DiscountGen =
        from kind in Gen.Elements(DiscountKind.Percent, DiscountKind.Amount)
        from cents in kind == DiscountKind.Percent ? Gen.Choose(1, 10000) : Gen.Choose(1, 1500)
        from id in Gen.Choose(0, 1_000_000)
        select new DiscountTerm($"d{id}", "happy hour", kind, cents / 100m);

    private static readonly Gen<decimal> RateGen = Gen.Frequency(
        (2, Gen.Constant(0m)),
        (2, Gen.Elements(0.18m, 0.2m, 0.125m, 0.5m)),
        (3, Gen.Choose(0, 5000).Select(n => n / 10000m)));

    private static readonly Gen<decimal> TaxGen = Gen.Frequency(
        (1, Gen.Constant(0m)),
        (1, Gen.Elements(0.0825m, 0.07m, 0.2m, 0.05m)),
        (2, Gen.Choose(0, 3000).Select(n => n / 10000m)));

    private static Gen<BillLine> Decorated(BillLine line) =>
        from comped in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from diner in Gen.Elements<string?>(null, "Ann", "Bob", "Cy")
        select line with { Comped = comped, Diner = diner };

    private static readonly Gen<AdjustedCase> CaseGen =
        from table in PricingCase.Gen_
        from lines in Gen.CollectToArray(table.Lines.Select(Decorated))
        from discountCount in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
        from discounts in DiscountGen.ArrayOf(discountCount)
        from rate in RateGen
        from taxable in Gen.Elements(true, false)
        from tax in TaxGen
        select new AdjustedCase(table.WithLines(lines), new BillAdjustments(discounts, rate, taxable), tax);

    private static void ForAll(Action<AdjustedCase> property) => Prop.ForAll(CaseGen.ToArbitrary(), property).Check(Config);

    /// <summary>The steps as docs/api.md writes them, in major units, each rounded half away from zero to the cent.</summary>
    private static (decimal Discount, decimal ServiceCharge, decimal Tax, decimal Total, decimal[] Each) Reference(Bill plain, AdjustedCase c)
    {
        static decimal Cent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var left = plain.Subtotal.ToMajor() - plain.Comps.ToMajor() - plain.Savings.ToMajor();
        var each = new List<decimal>();
        foreach (var d in c.Adjustments.Discounts.Where(d => d.Kind == DiscountKind.Percent))
        {
            var off = Cent(left * d.Value / 100m);
            each.Add(off);
            left -= off;
        }
        foreach (var d in c.Adjustments.Discounts.Where(d => d.Kind == DiscountKind.Amount))
        {
            var off = Math.Min(d.Value, left);
            each.Add(off);
            left -= off;
        }
        var service = Cent(left * c.Adjustments.ServiceChargeRate);
        var tax = Cent((left + (c.Adjustments.ServiceChargeTaxable ? service : 0m)) * c.TaxRate);
        var discount = each.Sum();
        return (discount, service, tax, plain.Subtotal.ToMajor() - plain.Comps.ToMajor() - plain.Savings.ToMajor() - discount + service + tax, [.. each]);
    }

    [Fact]
    public void Every_bill_follows_the_six_steps_of_the_reference_calculation()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            var plain = c.Unadjusted();
            Assert.Equal(plain.Subtotal, bill.Subtotal);
            Assert.Equal(plain.Comps, bill.Comps);
            Assert.Equal(plain.Savings, bill.Savings);
            var expected = Reference(plain, c);
            Assert.Equal(expected.Each, bill.Discounts.Select(d => d.Amount.ToMajor()).ToArray());
            Assert.Equal(expected.Discount, bill.Discount.ToMajor());
            Assert.Equal(expected.ServiceCharge, bill.ServiceCharge.ToMajor());
            Assert.Equal(expected.Tax, bill.Tax.ToMajor());
            Assert.Equal(expected.Total, bill.Total.ToMajor());
        });
    }

    [Fact]
    public void The_shares_add_up_to_the_total_to_the_cent()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            Assert.Equal(bill.Total.Minor, bill.Shares.Sum(s => s.Amount.Minor));
            Assert.Equal(bill.Shares.Count, bill.Shares.Select(s => s.Diner).Distinct().Count());
        });
    }

    [Fact]
    public void A_discount_never_takes_off_more_than_is_left_and_nothing_is_negative()
    {
        // Money cannot be negative: any step going below zero would have thrown while the bill was made.
        ForAll(c =>
        {
            var bill = c.Bill();
            Assert.True(bill.Discount.Minor <= bill.Subtotal.Minor - bill.Comps.Minor - bill.Savings.Minor);
            Assert.All(bill.Discounts, d => Assert.True(d.Amount.Minor >= 0));
            Assert.All(bill.Shares, s => Assert.True(s.Amount.Minor >= 0));
        });
    }

    [Fact]
    public void No_discount_and_no_service_charge_bill_as_before()
    {
        ForAll(c =>
        {
            var plain = c.Unadjusted();
            var none = BillCalculator.Calculate(c.Table.Lines, c.Table.Bundles, "USD", c.TaxRate, BillAdjustments.None, PricingBudget.Default);
            Assert.Equal(plain.Total, none.Total);
            Assert.Equal(plain.Shares, none.Shares);
            Assert.Equal(Money.Zero, none.Discount);
            Assert.Equal(Money.Zero, none.ServiceCharge);
        });
    }

    [Fact]
    public void The_generated_cases_discount_charge_service_and_tax_together()
    {
        // Guards the generator: the properties would pass vacuously if no case combined the steps.
        var sample = CaseGen.Sample(1000);
        var bills = sample.Select(c => (Case: c, Bill: c.Bill())).ToList();
        Assert.True(bills.Count(b => b.Bill.Discount > Money.Zero && b.Bill.ServiceCharge > Money.Zero && b.Bill.Tax > Money.Zero) >= 150,
            $"only {bills.Count(b => b.Bill.Discount > Money.Zero && b.Bill.ServiceCharge > Money.Zero && b.Bill.Tax > Money.Zero)} cases with a discount, a service charge and tax at once");
        Assert.True(bills.Count(b => b.Bill.Shares.Count >= 2 && b.Bill.Discount > Money.Zero) >= 150, "too few shared bills with a discount");
        Assert.True(bills.Count(b => b.Bill.Discount.Minor == b.Bill.Subtotal.Minor - b.Bill.Comps.Minor - b.Bill.Savings.Minor
                                     && b.Bill.Discount > Money.Zero) >= 20, "too few cases discounted to zero");
    }
}
