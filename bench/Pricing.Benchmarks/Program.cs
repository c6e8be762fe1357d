using BenchmarkDotNet.Running;
using Restaurant.Benchmarks;
using Restaurant.Domain.Pricing;

if (args is ["--probe", ..])
{
    // A quick look without BenchmarkDotNet: the time of one bill per table, to find hard cases.
    foreach (var table in PricingBenchmarks.AllTables())
    {
        var times = new List<double>();
        Bill? bill = null;
        for (var run = 0; run < 400; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            bill = BillCalculator.Calculate(table.Lines, table.Menu.Bundles, table.Menu.Currency, table.Menu.TaxRate);
            times.Add(watch.Elapsed.TotalMicroseconds);
        }
        times.Sort();
        Console.WriteLine($"median {times[200],10:0.0} µs  max {times[^1],10:0.0} µs  {bill!.Bundles.Count,3} bundle uses  {table.Name}");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PricingBenchmarks).Assembly).Run(args);
