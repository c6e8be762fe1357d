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
        Tables.OverlappingBundles(500, priceVersions: 5),
        Tables.DefaultMenuTable(500),
        Tables.RepricedPairs(60),
    ];

    [ParamsSource(nameof(AllTables))]
    public Tables.Table Table { get; set; } = Tables.SeedStory();

    [Benchmark]
    public Bill Bill() => BillCalculator.Calculate(Table.Lines, Table.Menu.Bundles, Table.Menu.Currency, Table.Menu.TaxRate);
}
