namespace Restaurant.Benchmarks.Load;

/// <summary>P1 and P2: kinds of load run in turn (A, B, C, A, B, C…), each on a fresh server and database.</summary>
public static class ThroughputScenarios
{
    private sealed record Side(string Label, bool Baseline, int Connections, int Tables, bool Minimal = false, double Goal = 0);

    /// <summary>
    /// P1: item additions at 64 connections on 64 tables, the API (with each answer asked for) against the bare baseline;
    /// with --lines, on orders that already hold that many lines.
    /// </summary>
    public static Task P1Async(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        var ours = options.Answers.Select(answer => answer switch
        {
            "minimal" => new Side("ours, minimal", false, 64, 64, Minimal: true, Goal: 0.6),
            "full" => new Side("ours, full", false, 64, 64, Goal: options.Lines > 0 ? 0.3 : 0.6),
            _ => throw new ArgumentException($"--answers takes full and minimal, not '{answer}'."),
        });
        var size = options.Lines > 0 ? $", orders of {options.Lines}+ lines" : "";
        return RunAsync($"P1: item additions/s, 64 connections on 64 tables{size}, ours vs the bare baseline",
            [.. ours], new Side("baseline", true, 64, 64), options, scratch, ct);
    }

    /// <summary>P2: 32 diners adding to one order against 32 tables adding to one order each, both on the API.</summary>
    public static Task P2Async(BenchOptions options, ScratchDirectory scratch, CancellationToken ct) =>
        RunAsync("P2: item additions/s, 32 diners on one order vs 32 separate tables (both ours)",
            [new Side("one order, 32 diners", false, 32, 1, Goal: 0.5)], new Side("32 tables", false, 32, 32), options, scratch, ct);

    private static async Task RunAsync(string title, Side[] measured, Side reference, BenchOptions options,
        ScratchDirectory scratch, CancellationToken ct)
    {
        var store = options.Postgres is null ? "SQLite file" : "PostgreSQL database (one server)";
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine($"{options.Rounds} runs of each, in turn, each on a fresh server and {store}; " +
            $"{options.Warmup.TotalSeconds:0} s warm-up, {options.Measure.TotalSeconds:0} s measured. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| run | load | connections | tables | additions/s | p50 | p99 | errors | orders closed (calls) | bytes/response | server CPU/addition | load average |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        Side[] sides = [.. measured, reference];
        var results = sides.ToDictionary(side => side, _ => new List<LoadResult>());
        var run = 0;
        for (var round = 0; round < options.Rounds; round++)
            foreach (var side in sides)
            {
                var result = await RunOnceAsync(side, options, scratch, ct);
                run++;
                results[side].Add(result);
                Console.WriteLine($"| {run} | {side.Label} | {result.Connections} | {result.Tables} | {result.AdditionsPerSecond:N0} | " +
                    $"{result.P50Ms:0.0} ms | {result.P99Ms:0.0} ms | {result.Errors} | {result.OrdersClosed} ({result.CloseCalls}) | " +
                    $"{result.ResponseBytes:N0} | {result.CpuMsPerAddition:0.00} ms | {Stats.LoadAverage()} |");
                if (result.FirstError is { } error) Console.WriteLine($"|  | first error: {error.ReplaceLineEndings(" ")} | | | | | | | | | | |");
            }

        var median = results.ToDictionary(r => r.Key, r => (
            PerSecond: Stats.Median(r.Value.Select(x => x.AdditionsPerSecond).ToList()),
            P50: Stats.Median(r.Value.Select(x => x.P50Ms).ToList()),
            P99: Stats.Median(r.Value.Select(x => x.P99Ms).ToList()),
            Errors: r.Value.Sum(x => x.Errors),
            Cpu: Stats.Median(r.Value.Select(x => x.CpuMsPerAddition).ToList())));
        Console.WriteLine();
        Console.WriteLine("| load | additions/s (median) | p50 | p99 | errors (all runs) | server CPU/addition |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (side, m) in median)
            Console.WriteLine($"| {side.Label} | {m.PerSecond:N0} | {m.P50:0.0} ms | {m.P99:0.0} ms | {m.Errors} | {m.Cpu:0.00} ms |");
        Console.WriteLine();
        foreach (var side in measured)
        {
            var ratio = median[side].PerSecond / median[reference].PerSecond;
            var errorsGoal = reference.Baseline ? "" : $"; errors: {(median.Values.Sum(m => m.Errors) == 0 ? "none (met)" : "**some (not met)**")}";
            // CPU per addition predicts the ratio on a machine of its own: the additions/s ratio suffers whatever else shares the cores.
            var cpuRatio = median[side].Cpu > 0 ? median[reference].Cpu / median[side].Cpu : 0;
            Console.WriteLine($"Ratio {side.Label} / {reference.Label}: **{ratio:0.00}×**, goal {Stats.Goal(ratio, side.Goal)}{errorsGoal}; " +
                $"by server CPU per addition: {cpuRatio:0.00}×.");
        }
        Console.WriteLine($"{Stats.LoadAverage()} at the end.");
        Console.WriteLine();
    }

    private static async Task<LoadResult> RunOnceAsync(Side side, BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        // A database of its own: `all` runs P1 and P2 in one scratch directory (or on one PostgreSQL server).
        var name = $"load_{Guid.NewGuid():N}";
        var connectionString = options.Postgres is { } server ? $"{server};Database={name}" : $"Data Source={scratch.File(name + ".db")}";
        var provider = options.Postgres is null ? "sqlite" : "postgres";
        await using var database = options.Postgres is { } pg ? await PostgresDatabase.CreateAsync(pg, name, ct) : null;
        await using var process = side.Baseline
            ? await ServerProcess.StartAsync(Paths.BuiltDll("bench/Baseline", "Restaurant.Benchmarks.Baseline.dll"),
                new Dictionary<string, string> { ["ConnectionStrings__Restaurant"] = connectionString, ["Baseline__Database"] = provider }, ct)
            : await ServerProcess.StartApiAsync(name, ct, new Dictionary<string, string>
            {
                ["Restaurant__Database"] = provider,
                ["ConnectionStrings__Restaurant"] = connectionString,
            });
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        var client = new ApiClient(http);
        IOrderDesk desk = side.Baseline ? new BaselineDesk(client) : new ApiDesk(client);
        // Orders that start with lines take 40 additions each (an order holds at most 200 units), then the next opens.
        if (options.Lines > 0) desk = new PrefilledDesk(desk, client, options.Lines);
        var capacity = options.Lines > 0 ? 40 : SharedOrder.DefaultCapacity;
        return await new AdditionLoad(process.BaseAddress, desk, side.Connections, side.Tables, side.Minimal, capacity, () => process.CpuTime)
            .RunAsync(options.Warmup, options.Measure, ct);
    }
}
