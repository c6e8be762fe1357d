using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;
using static Restaurant.Domain.Tests.SymmetricMenus;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The menus of issue #10 that made the old search run for minutes (copies of a pair bundle and an odd number of
/// units) and their relatives: each bills the optimum an independent knapsack (<see cref="SharedItemOracle"/>)
/// computes, and says it is proven.
/// </summary>
public class SymmetricMenuTests
{
    private static void AssertProvenOptimum(Menu menu, List<BillLine> lines)
    {
        var bill = Bill(menu, lines);
        Assert.True(bill.Optimal, "the bill is not proven optimal");
        Assert.Equal(SharedItemOracle.CheapestAmount(lines, menu.Bundles, Coffee), Discounted(bill));
    }

    [Theory]
    [InlineData(4, 21)]
    [InlineData(4, 199)]
    [InlineData(5, 199)]
    [InlineData(8, 199)]
    [InlineData(12, 21)]
    [InlineData(12, 199)]
    [InlineData(12, 200)]
    [InlineData(50, 199)]
    [InlineData(50, 200)]
    public void Copies_of_a_pair_bundle_bill_the_proven_optimum(int bundles, int units) =>
        AssertProvenOptimum(With(Pairs(bundles, _ => 500)), Coffees(units));

    [Theory]
    [InlineData(4, 199)]
    [InlineData(12, 21)]
    [InlineData(50, 199)]
    public void Pair_bundles_priced_a_cent_apart_bill_the_proven_optimum(int bundles, int units) =>
        AssertProvenOptimum(With(Pairs(bundles, k => 500 + k)), Coffees(units));

    [Theory]
    [InlineData(4, 199)]
    [InlineData(8, 200)]
    [InlineData(12, 21)]
    public void Pair_bundles_at_1000_and_1500_bill_the_proven_optimum(int bundles, int units) =>
        AssertProvenOptimum(With(Pairs(bundles, k => k % 2 == 0 ? 150_000 : 100_000), coffeePrice: 80_000), Coffees(units, 80_000));

    [Theory]
    [InlineData(8, 199)]
    [InlineData(12, 200)]
    [InlineData(50, 199)]
    public void Pair_bundles_over_units_at_many_captured_prices_bill_the_proven_optimum(int bundles, int units) =>
        AssertProvenOptimum(With(Pairs(bundles, k => 500 + k % 3)), Coffees(units, 300, 290, 310, 305, 299));

    [Theory]
    [InlineData(4, 2, 199)]
    [InlineData(10, 10, 199)]
    [InlineData(20, 20, 200)]
    [InlineData(3, 12, 21)]
    public void Triples_mixed_with_pairs_bill_the_proven_optimum(int pairs, int triples, int units)
    {
        var bundles = Pairs(pairs, k => 500 + k)
            .Concat(Enumerable.Range(1, triples).Select(k => Copies($"triple{k}", 700 + 2 * k, 3)))
            .ToList();
        AssertProvenOptimum(With(bundles), Coffees(units));
    }

    [Fact]
    public void Bundles_of_every_size_over_one_item_bill_the_proven_optimum()
    {
        // Sizes 1 to 6, each slightly under its list price: a knapsack with an odd capacity.
        var bundles = Enumerable.Range(1, 6).SelectMany(size => Enumerable.Range(1, 7).Select(k => Copies($"s{size}k{k}", 300 * size - 40 * size - k, size))).ToList();
        AssertProvenOptimum(With(bundles), Coffees(199, 300, 305, 295));
    }

    [Theory]
    [InlineData(4, 199, 1)]
    [InlineData(12, 199, 1)]
    [InlineData(12, 200, 2)]
    [InlineData(45, 199, 1)]
    [InlineData(45, 155, 3)]
    public void Pairs_whose_second_slot_also_takes_an_item_of_their_own_bill_the_proven_optimum(int bundles, int units, int ownUnits)
    {
        // [x][x, y_k]: no copy dominates another once the order has some y_k, so they stay near-symmetric.
        var own = Enumerable.Range(1, bundles).Select(k => new MenuItem($"y{k}", $"Y {k}", "drinks", new Money(250 + k % 4), true)).ToList();
        var pairs = Enumerable.Range(1, bundles)
            .Select(k => new Bundle($"near{k}", $"Near pair {k}", new Money(500 + k % 2), [[Coffee], [Coffee, $"y{k}"]]))
            .ToList();
        var lines = Coffees(units - ownUnits * bundles / 3);
        lines.AddRange(own.Where((_, k) => k % 3 == 0).Select(y => new BillLine($"l{y.Id}", y.Id, y.Name, ownUnits, y.Price, "d9")));
        AssertProvenOptimum(With(pairs, own), lines);
    }
}
