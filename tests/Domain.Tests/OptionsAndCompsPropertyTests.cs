using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The bill's steps 1–2 with options and comps, against the brute-force oracle: a unit fills a bundle slot by its item,
/// its options are paid on top and never discounted, and a comped unit is billed at zero and fills no bundle.
/// </summary>
public class OptionsAndCompsPropertyTests
{
    private const int Cases = 3000;
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    /// <summary><see cref="PricingCase.Gen_"/>'s tables with 0–2 options (0.00 to 1.50) on some lines and some lines comped.</summary>
    private static Gen<PricingCase> Cases_ =>
        from c in PricingCase.Gen_
        from lines in Gen.CollectToArray(c.Lines.Select(Decorated))
        select c.WithLines(lines);

    private static Gen<BillLine> Decorated(BillLine line) =>
        from optionCount in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from prices in Gen.Elements(0L, 0L, 50L, 99L, 100L, 150L).ArrayOf(optionCount)
        from comped in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        let options = prices.Select((price, i) => new ChosenOption("extras", $"o{i}", $"Option {i}", new Money(price))).ToList()
        select line with
        {
            UnitPrice = options.Aggregate(line.UnitPrice, (sum, option) => sum + option.Price),
            Options = options,
            Comped = comped,
        };

    private static void ForAll(Action<PricingCase> property) => Prop.ForAll(Cases_.ToArbitrary(), property).Check(Config);

    private static long Charged(Bill bill) => bill.Subtotal.Minor - bill.Comps.Minor - bill.Savings.Minor;

    private static long OptionsOf(IEnumerable<BillLine> lines) => lines.Sum(l => l.Quantity * l.Options.Sum(o => o.Price.Minor));

    [Fact]
    public void A_bill_with_options_and_comps_charges_the_lowest_amount_the_oracle_finds()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            var cheapest = BruteForceOracle.CheapestAmount(c.Lines, c.Bundles);
            Assert.Equal(cheapest, Charged(bill));
            Assert.Equal(cheapest + Allocation.Tax(new Money(cheapest), c.TaxRate).Minor, bill.Total.Minor);
        });
    }

    [Fact]
    public void Options_are_paid_on_top_of_the_same_bundling_the_items_alone_get()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            var itemsAlone = c.WithLines(c.Lines.Select(l => l with { UnitPrice = l.UnitPrice - l.OptionsPrice, Options = [] }).ToList()).Bill();
            Assert.Equal(Charged(itemsAlone) + OptionsOf(c.Lines.Where(l => !l.Comped)), Charged(bill));
            Assert.Equal(itemsAlone.Savings, bill.Savings);
            var linesById = c.Lines.ToDictionary(l => l.LineId);
            foreach (var use in bill.Bundles)
                Assert.Equal(use.ListPrice.Minor, use.LineIds.Sum(id => linesById[id].ItemPrice.Minor));
        });
    }

    [Fact]
    public void Comped_units_are_billed_at_zero_and_fill_no_bundle()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            var comped = c.Lines.Where(l => l.Comped).ToList();
            Assert.Equal(comped.Sum(l => l.Quantity * l.UnitPrice.Minor), bill.Comps.Minor);
            Assert.DoesNotContain(bill.Bundles.SelectMany(b => b.LineIds), id => comped.Any(l => l.LineId == id));
            var withoutThem = c.WithLines(c.Lines.Where(l => !l.Comped).ToList());
            if (withoutThem.Lines.Count > 0) Assert.Equal(Charged(withoutThem.Bill()), Charged(bill));
            else Assert.Equal(0, Charged(bill));
        });
    }

    [Fact]
    public void The_bill_adds_up_and_its_shares_still_sum_to_the_total()
    {
        ForAll(c =>
        {
            var bill = c.Bill();
            Assert.Equal(c.Lines.Sum(l => l.Quantity * l.UnitPrice.Minor), bill.Subtotal.Minor);
            Assert.Equal(bill.Subtotal.Minor - bill.Comps.Minor - bill.Savings.Minor + bill.Tax.Minor, bill.Total.Minor);
            Assert.Equal(bill.Total.Minor, bill.Shares.Sum(s => s.Amount.Minor));
            Assert.Equal(c.Lines.Sum(l => l.Quantity), bill.Items.Sum(i => i.Quantity));
            Assert.Equal(bill.Subtotal.Minor, bill.Items.Sum(i => i.Amount.Minor));
            Assert.Equal(bill.Comps.Minor, bill.Items.Where(i => i.Comped).Sum(i => i.Amount.Minor));
        });
    }

    [Fact]
    public void The_generated_cases_put_options_into_bundles_and_comp_units()
    {
        // Guards the generator: the properties above would pass vacuously if no bundled unit carried an option.
        var sample = Cases_.Sample(1000);
        var bundledWithOptions = sample.Count(c =>
        {
            var linesById = c.Lines.ToDictionary(l => l.LineId);
            return c.Bill().Bundles.SelectMany(b => b.LineIds).Any(id => linesById[id].OptionsPrice.Minor > 0);
        });
        Assert.True(bundledWithOptions >= 200, $"only {bundledWithOptions} of 1000 cases bundle a unit with a paid option");
        Assert.True(sample.Count(c => c.Lines.Any(l => l.Comped) && c.Lines.Any(l => !l.Comped)) >= 200, "too few cases mix comped and paid lines");
    }
}
