using BenchmarkDotNet.Running;
using Restaurant.Benchmarks;
using Restaurant.Domain.Pricing;

if (args is ["--probe", ..])
{
    // A quick look without BenchmarkDotNet: each table's answer checked once, then the time of one bill and the
    // search's work (simplex pivots, nodes).
    var only = args.Length > 1 ? args[1] : null; // --probe [part of a table's name]
    foreach (var table in PricingBenchmarks.AllTables().Where(t => only is null || t.Name.Contains(only, StringComparison.Ordinal)))
    {
        Verification.Verify(table);
        Bill Once() => BillCalculator.Calculate(table.Lines, table.Menu.Bundles, table.Menu.Currency, table.Menu.TaxRate);
        // Tiered JIT promotes hot methods in the background after a pause: warm, pause, warm again.
        var warming = System.Diagnostics.Stopwatch.StartNew();
        while (warming.ElapsedMilliseconds < 1000) Once();
        Thread.Sleep(300);
        warming.Restart();
        while (warming.ElapsedMilliseconds < 500) Once();
        GC.Collect();
        var times = new double[301];
        for (var run = 0; run < times.Length; run++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Once();
            times[run] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(times);
        // The search sees each unit by its item and the item's price (options are paid on top, comps are left out).
        var units = table.Lines.Where(l => !l.Comped).SelectMany(l => Enumerable.Repeat(l, l.Quantity))
            .Select((l, i) => new PricedUnit(i, l.MenuItemId, l.ItemPrice)).ToList();
        var plan = BundleOptimizer.Cheapest(units, table.Menu.Bundles);
        Console.WriteLine($"median {times[150],9:0.0} µs  max {times[^1],9:0.0} µs  {plan.Pivots,5} pivots {plan.Nodes,4} nodes  {Once().Bundles.Count,3} bundle uses  {table.Name}");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PricingBenchmarks).Assembly).Run(args);
