namespace Restaurant.Benchmarks.Load;

/// <summary>P1 and P2: two kinds of load run alternately (A, B, A, B…), each on a fresh server and database file.</summary>
public static class ThroughputScenarios
{
    private sealed record Side(string Label, bool Baseline, int Connections, int Tables);

    /// <summary>P1: item additions at 64 connections on 64 tables, the API against the bare baseline.</summary>
    public static Task P1Async(BenchOptions options, ScratchDirectory scratch, CancellationToken ct) =>
        RunAsync("P1: item additions/s, 64 connections on 64 tables, ours vs the bare baseline", 0.6,
            new Side("ours", false, 64, 64), new Side("baseline", true, 64, 64), options, scratch, ct);

    /// <summary>P2: 32 diners adding to one order against 32 tables adding to one order each, both on the API.</summary>
    public static Task P2Async(BenchOptions options, ScratchDirectory scratch, CancellationToken ct) =>
        RunAsync("P2: item additions/s, 32 diners on one order vs 32 separate tables (both ours)", 0.5,
            new Side("one order, 32 diners", false, 32, 1), new Side("32 tables", false, 32, 32), options, scratch, ct);

    private static async Task RunAsync(string title, double goal, Side measured, Side reference, BenchOptions options,
        ScratchDirectory scratch, CancellationToken ct)
    {
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine($"{options.Rounds} runs of each, alternated, each on a fresh server and SQLite file; " +
            $"{options.Warmup.TotalSeconds:0} s warm-up, {options.Measure.TotalSeconds:0} s measured. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| run | load | connections | tables | additions/s | p50 | p99 | errors | orders closed (calls) | bytes/response |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var results = new Dictionary<Side, List<LoadResult>> { [measured] = [], [reference] = [] };
        var run = 0;
        for (var round = 0; round < options.Rounds; round++)
            foreach (var side in new[] { measured, reference })
            {
                // A database of its own: `all` runs P1 and P2 in one scratch directory.
                var result = await RunOnceAsync(side, options, scratch.File($"load-{Guid.NewGuid():N}.db"), ct);
                run++;
                results[side].Add(result);
                Console.WriteLine($"| {run} | {side.Label} | {result.Connections} | {result.Tables} | {result.AdditionsPerSecond:N0} | " +
                    $"{result.P50Ms:0.0} ms | {result.P99Ms:0.0} ms | {result.Errors} | {result.OrdersClosed} ({result.CloseCalls}) | {result.ResponseBytes:N0} |");
                if (result.FirstError is { } error) Console.WriteLine($"|  | first error: {error.ReplaceLineEndings(" ")} | | | | | | | | |");
            }

        var median = results.ToDictionary(r => r.Key, r => (
            PerSecond: Stats.Median(r.Value.Select(x => x.AdditionsPerSecond).ToList()),
            P50: Stats.Median(r.Value.Select(x => x.P50Ms).ToList()),
            P99: Stats.Median(r.Value.Select(x => x.P99Ms).ToList()),
            Errors: r.Value.Sum(x => x.Errors)));
        var ratio = median[measured].PerSecond / median[reference].PerSecond;
        Console.WriteLine();
        Console.WriteLine("| load | additions/s (median) | p50 | p99 | errors (all runs) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (side, m) in median)
            Console.WriteLine($"| {side.Label} | {m.PerSecond:N0} | {m.P50:0.0} ms | {m.P99:0.0} ms | {m.Errors} |");
        var errorsGoal = reference.Baseline ? "" : $"; errors: {(median.Values.Sum(m => m.Errors) == 0 ? "none (met)" : "**some (not met)**")}";
        Console.WriteLine();
        Console.WriteLine($"Ratio {measured.Label} / {reference.Label}: **{ratio:0.00}×**, goal {Stats.Goal(ratio, goal)}{errorsGoal}. {Stats.LoadAverage()} at the end.");
        Console.WriteLine();
    }

    private static async Task<LoadResult> RunOnceAsync(Side side, BenchOptions options, string databasePath, CancellationToken ct)
    {
        await using var server = side.Baseline
            ? await ServerProcess.StartAsync(Paths.BuiltDll("bench/Baseline", "Restaurant.Benchmarks.Baseline.dll"),
                new Dictionary<string, string> { ["ConnectionStrings__Restaurant"] = $"Data Source={databasePath}" }, ct)
            : await ServerProcess.StartApiAsync(databasePath, ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        IOrderDesk desk = side.Baseline ? new BaselineDesk(new ApiClient(http)) : new ApiDesk(new ApiClient(http));
        return await new AdditionLoad(server.BaseAddress, desk, side.Connections, side.Tables).RunAsync(options.Warmup, options.Measure, ct);
    }
}
