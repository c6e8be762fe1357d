using FsCheck;
using FsCheck.Fluent;

namespace Restaurant.Domain.Tests;

/// <summary>Menus of near copies (<see cref="SymmetricPricingCase"/>) against the brute-force oracle.</summary>
public class SymmetricMenuPropertyTests
{
    private const int Cases = 1000;
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    private static long Discounted(Restaurant.Domain.Pricing.Bill bill) => bill.Subtotal.Minor - bill.Savings.Minor;

    [Fact]
    public void A_menu_of_near_copies_bills_the_lowest_amount_any_grouping_gives()
    {
        Prop.ForAll(SymmetricPricingCase.Gen_.ToArbitrary(), c =>
            Assert.Equal(BruteForceOracle.CheapestAmount(c.Lines, c.Bundles), Discounted(c.Bill()))).Check(Config);
    }

    [Fact]
    public void A_menu_of_near_copies_is_proven_optimal()
    {
        Prop.ForAll(SymmetricPricingCase.Gen_.ToArbitrary(), c => Assert.True(c.Bill().Optimal)).Check(Config);
    }

    [Fact]
    public void The_knapsack_oracle_agrees_with_the_brute_force_oracle()
    {
        // SharedItemOracle checks the large symmetric menus; here it is checked itself, where both apply.
        Prop.ForAll(SymmetricPricingCase.Gen_.Where(c => !c.UsesW).ToArbitrary(), c =>
            Assert.Equal(BruteForceOracle.CheapestAmount(c.Lines, c.Bundles), SharedItemOracle.CheapestAmount(c.Lines, c.Bundles, "x"))).Check(Config);
    }

    [Fact]
    public void The_generated_cases_exercise_bundles_and_odd_counts()
    {
        var sample = SymmetricPricingCase.Gen_.Sample(1000);
        Assert.True(sample.Count(c => c.Bill().Bundles.Count >= 2) >= 300, "too few cases use two bundles");
        Assert.True(sample.Count(c => c.Lines.Where(l => l.MenuItemId == "x").Sum(l => l.Quantity) % 2 == 1) >= 300, "too few odd counts");
        Assert.True(sample.Count(c => c.Bundles.Count >= 4) >= 300, "too few menus of several copies");
        Assert.True(sample.Count(c => c.Lines.Any(l => l.MenuItemId.StartsWith('y'))) >= 100, "too few orders of the copies' own items");
    }
}
