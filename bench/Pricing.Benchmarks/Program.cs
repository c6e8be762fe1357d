using BenchmarkDotNet.Running;
using Restaurant.Benchmarks;
using Restaurant.Domain.Pricing;

if (args is ["--probe", ..])
{
    // A quick look without BenchmarkDotNet: the time of one bill per table, to find hard cases.
    foreach (var table in PricingBenchmarks.AllTables())
    {
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
        
        Console.WriteLine($"median {times[150],9:0.0} µs  max {times[^1],9:0.0} µs  {Once().Bundles.Count,3} bundle uses  {table.Name}");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PricingBenchmarks).Assembly).Run(args);
