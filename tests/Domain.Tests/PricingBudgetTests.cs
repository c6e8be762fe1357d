using Restaurant.Domain.Pricing;
using static Restaurant.Domain.Tests.SymmetricMenus;

namespace Restaurant.Domain.Tests;

/// <summary>The work budget, the last line of defence: a search that runs out still bills quickly, and says so.</summary>
public class PricingBudgetTests
{
    private static readonly Menus.Menu PairMenu = With(Pairs(4, k => 500 + k));
    private static readonly List<BillLine> OddCoffees = Coffees(199, 300, 310);

    private static Bill BillWithin(PricingBudget budget) =>
        BillCalculator.Calculate(OddCoffees, PairMenu.Bundles, PairMenu.Currency, PairMenu.TaxRate, budget);

    [Fact]
    public void A_bill_whose_search_runs_out_of_work_is_not_proven_optimal()
    {
        Assert.False(BillWithin(new PricingBudget(MaxPivots: 1, MaxNodes: 1)).Optimal);
    }

    [Fact]
    public void A_bill_whose_search_runs_out_before_the_relaxation_is_solved_still_bundles_greedily()
    {
        var bill = BillWithin(new PricingBudget(MaxPivots: 1, MaxNodes: 1));
        Assert.Equal(99, bill.Bundles.Count); // 198 of 199 coffees, two a bundle
        Assert.All(bill.Bundles, use => Assert.True(use.Savings.Minor > 0));
    }

    [Fact]
    public void A_bill_whose_search_runs_out_after_the_root_bills_the_rounded_relaxation()
    {
        // No node may be explored: the bill is the root relaxation rounded down, here already the optimum.
        var bill = BillWithin(new PricingBudget(MaxPivots: 1_000, MaxNodes: 0));
        Assert.Equal(SharedItemOracle.CheapestAmount(OddCoffees, PairMenu.Bundles, Coffee), Discounted(bill));
    }

    [Fact]
    public void A_bill_out_of_budget_is_the_same_every_time()
    {
        var budget = new PricingBudget(MaxPivots: 2, MaxNodes: 1);
        Assert.Equal(Describe(BillWithin(budget)), Describe(BillWithin(budget)));

        static string Describe(Bill bill) => $"{bill.Total} " + string.Join(";", bill.Bundles.Select(b => $"{b.BundleId}:{string.Join(",", b.LineIds)}"));
    }

    [Fact]
    public void The_default_budget_proves_an_ordinary_bill_optimal()
    {
        Assert.True(BillCalculator.Calculate(OddCoffees, PairMenu.Bundles, PairMenu.Currency, PairMenu.TaxRate).Optimal);
    }

    [Fact]
    public void A_cancelled_bill_throws_instead_of_pricing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            BillCalculator.Calculate(OddCoffees, PairMenu.Bundles, PairMenu.Currency, PairMenu.TaxRate, cancelled.Token));
    }
}
