using BenchmarkDotNet.Attributes;
using Restaurant.Domain.Pricing;

namespace Restaurant.Benchmarks;

[MemoryDiagnoser]
[MedianColumn, MaxColumn]
public class PricingBenchmarks
{
    public static IEnumerable<Tables.Table> AllTables() =>
    [
        Tables.SeedStory(),
        Tables.DefaultMenuTable(40),
        Tables.OverlappingBundles(100),
        Tables.OverlappingBundles(100, priceVersions: 5),
        Tables.OverlappingBundles(200, priceVersions: 5),
        Tables.DefaultMenuTable(200),
        Tables.RepricedPairs(60),
        // The hardest table an earlier randomised search found inside the limits (see docs/benchmarks.md).
        Tables.LargestMenu(bundleCount: 50, priceVersions: 4, slotCount: 4, slotWidth: 1, units: 200, seed: 819557421),
        Tables.SymmetricPairs(4, 199),
        Tables.SymmetricPairs(12, 199, centApart: true),
        // Issue 14: options are paid on top of the bundling of items, so they must cost the search nothing.
        Tables.WithOptions(Tables.DefaultMenuTable(200)),
        Tables.WithOptionsFolded(Tables.DefaultMenuTable(200)),
        Tables.WithOptions(Tables.OverlappingBundles(100)),
        Tables.WithOptionsFolded(Tables.OverlappingBundles(100)),
    ];

    [ParamsSource(nameof(AllTables))]
    public Tables.Table Table { get; set; } = Tables.SeedStory();

    /// <summary>Each table's answer is checked once, against the tests' plain branch and bound, before it is timed.</summary>
    [GlobalSetup]
    public void Verify() => Verification.Verify(Table);

    [Benchmark]
    public Bill Bill() => BillCalculator.Calculate(Table.Lines, Table.Menu.Bundles, Table.Menu.Currency, Table.Menu.TaxRate);
}
