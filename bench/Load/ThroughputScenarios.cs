namespace Restaurant.Benchmarks.Load;

/// <summary>P1, P2 and kitchen-lock: kinds of load run in turn (A, B, C, A, B, C…), each on fresh servers and a fresh database.</summary>
public static class ThroughputScenarios
{
    /// <param name="ApiDll">Another build of the API (--compare-api); null for this one.</param>
    /// <param name="SubmitEach">Each round adds one coffee and submits it (a ticket each time).</param>
    private sealed record Side(string Label, bool Baseline, int Connections, int Tables, bool Minimal = false, double Goal = 0,
        string? ApiDll = null, bool SubmitEach = false);

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
    /// <remarks>
    /// With --compare-api, each load instead runs on this build (or --api) against that one (issue 15: with and without the event
    /// log), goal ≤ 10% fewer additions/s; the answer is the first of --answers.
    /// </remarks>
    public static async Task P2Async(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        var minimal = options.Answers[0] == "minimal";
        var nodes = options.Nodes > 1 ? $", {options.Nodes} API nodes" : "";
        var answer = minimal ? ", minimal answers" : "";
        if (options.CompareApi is not { } other)
        {
            await RunAsync($"P2: item additions/s, 32 diners on one order vs 32 separate tables (both ours){nodes}{answer}",
                [new Side("one order, 32 diners", false, 32, 1, minimal, Goal: 0.5)], new Side("32 tables", false, 32, 32, minimal), options, scratch, ct);
            return;
        }
        foreach (var (load, tables) in new[] { ("one order, 32 diners", 1), ("32 tables", 32) })
            await RunAsync($"P2 ({load}{nodes}{answer}): {Describe(options.Api)} vs {Describe(other)}",
                [new Side($"measured, {load}", false, 32, tables, minimal, Goal: 0.9)],
                new Side($"compared, {load}", false, 32, tables, minimal, ApiDll: other), options, scratch, ct);
    }

    /// <summary>
    /// Submits across tables (issue 15): 32 tables each adding one coffee and submitting it, round after round, this build
    /// (or --api) against --compare-api (another way of numbering the kitchen's tickets: the global sequence lock of
    /// earlier builds, or none).
    /// </summary>
    public static Task KitchenLockAsync(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        var other = options.CompareApi ?? throw new ArgumentException("kitchen-lock needs --compare-api (the build to compare with).");
        if (options.Postgres is null) throw new ArgumentException("kitchen-lock needs --postgres: on SQLite one writer at a time numbers the tickets.");
        var minimal = options.Answers[0] == "minimal";
        var nodes = options.Nodes > 1 ? $", {options.Nodes} API nodes" : "";
        return RunAsync($"Kitchen tickets: rounds/s (add one coffee, submit), 32 tables{nodes}: {Describe(options.Api)} vs {Describe(other)}",
            [new Side("measured", false, 32, 32, minimal, SubmitEach: true)],
            new Side("compared", false, 32, 32, minimal, ApiDll: other, SubmitEach: true), options, scratch, ct);
    }

    private static string Describe(string? dll) => dll is null ? "this build" : $"`{dll}`";

    private static async Task RunAsync(string title, Side[] measured, Side reference, BenchOptions options,
        ScratchDirectory scratch, CancellationToken ct)
    {
        var store = options.Postgres is null ? "SQLite file" : "PostgreSQL database (one server)";
        if (options.Nodes > 1) store += $", {options.Nodes} API processes on it";
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
            Console.WriteLine($"Ratio {side.Label} / {reference.Label}: **{ratio:0.00}×**, {(side.Goal > 0 ? $"goal {Stats.Goal(ratio, side.Goal)}" : "no goal")}{errorsGoal}; " +
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
        await using var baseline = side.Baseline
            ? await ServerProcess.StartAsync(Paths.BuiltDll("bench/Baseline", "Restaurant.Benchmarks.Baseline.dll"),
                new Dictionary<string, string> { ["ConnectionStrings__Restaurant"] = connectionString, ["Baseline__Database"] = provider }, ct)
            : null;
        await using var api = side.Baseline ? null : await ApiNodes.StartAsync(options.Nodes, provider, connectionString, side.ApiDll ?? options.Api, ct);
        IReadOnlyList<Uri> servers = baseline is not null ? [baseline.BaseAddress] : api!.Addresses;
        using var http = new HttpClient { BaseAddress = servers[0] };
        var client = new ApiClient(http);
        IOrderDesk desk = side.Baseline ? new BaselineDesk(client) : new ApiDesk(client);
        // Orders that start with lines take 40 additions each (an order holds at most 200 units), then the next opens.
        if (options.Lines > 0) desk = new PrefilledDesk(desk, client, options.Lines);
        var capacity = options.Lines > 0 ? 40 : SharedOrder.DefaultCapacity;
        // With several nodes, the CPU is all of theirs (the database server's not included).
        return await new AdditionLoad(servers, desk, side.Connections, side.Tables, side.Minimal, capacity,
                () => baseline?.CpuTime ?? api!.CpuTime, side.SubmitEach)
            .RunAsync(options.Warmup, options.Measure, ct);
    }
}
