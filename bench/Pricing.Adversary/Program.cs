using System.Diagnostics;
using System.Text.Json;
using Restaurant.Adversary;
using Restaurant.Domain.Pricing;

// A randomised search for the hardest bills inside the menu and order limits: random shapes (ShapeGenerator), each
// hill-climbed by small changes (Mutations) on the work the search does (pivots + nodes), under a budget well above
// the default so the climb can see past it. The hardest shapes found are timed under the default budget.
//
//   dotnet run -c Release --project bench/Pricing.Adversary -- [--minutes 5] [--seed 1] [--steps 200] [--out worst.json]
//   dotnet run -c Release --project bench/Pricing.Adversary -- --replay worst.json
var options = Options.Parse(args);
var searchBudget = SearchBudget();

if (options.Replay is { } replayPath)
{
    var saved = JsonSerializer.Deserialize<List<Shape>>(File.ReadAllText(replayPath))!;
    Report(saved);
    return;
}

var random = new Random(options.Seed);
var found = new List<(long Work, Shape Shape)>();
var clock = Stopwatch.StartNew();
long evaluations = 0, best = 0;
for (var restart = 0; clock.Elapsed.TotalMinutes < options.Minutes; restart++)
{
    var current = ShapeGenerator.Random(random);
    if (current.ToMenu() is null) continue;
    var currentWork = Work(current, searchBudget).Work;
    for (var step = 0; step < options.Steps && clock.Elapsed.TotalMinutes < options.Minutes; step++)
    {
        var next = Mutations.Mutate(random, current);
        var nextWork = Work(next, searchBudget).Work;
        evaluations++;
        if (nextWork >= currentWork) (current, currentWork) = (next, nextWork);
    }
    found.Add((currentWork, current));
    if (currentWork > best)
    {
        best = currentWork;
        Console.WriteLine($"{clock.Elapsed:mm\\:ss} restart {restart}: work {currentWork}  {current.Describe()}");
    }
}
Console.WriteLine($"{evaluations} shapes evaluated in {clock.Elapsed:mm\\:ss} ({found.Count} climbs)");
var worst = found.OrderByDescending(f => f.Work).Take(options.Keep).Select(f => f.Shape).ToList();
if (options.Out is { } outPath) File.WriteAllText(outPath, JsonSerializer.Serialize(worst));
Report(worst);

// Ten times the default, so the climb sees past the default budget.
static PricingBudget SearchBudget() => new(PricingBudget.Default.MaxPivots * 10, PricingBudget.Default.MaxNodes * 10);

static (long Work, long Pivots, long Nodes, bool Optimal) Work(Shape shape, PricingBudget budget)
{
    var menu = shape.ToMenu()!;
    var plan = BundleOptimizer.Cheapest(shape.PricedUnits(), menu.Bundles, budget);
    return (plan.Pivots + plan.Nodes, plan.Pivots, plan.Nodes, plan.Optimal);
}

// Each shape billed under the default budget: the median and the slowest of 7 timed bills after a warm-up.
static void Report(List<Shape> shapes)
{
    Console.WriteLine($"budget: {PricingBudget.Default.MaxPivots} pivots, {PricingBudget.Default.MaxNodes} nodes");
    Console.WriteLine("| shape | median | max | pivots | nodes | optimal (default budget) | pivots, nodes with 10× the budget |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
    foreach (var shape in shapes)
    {
        var menu = shape.ToMenu()!;
        var lines = shape.BillLines();
        Restaurant.Domain.Pricing.Bill Once() => BillCalculator.Calculate(lines, menu.Bundles, menu.Currency, menu.TaxRate);
        Once();
        var times = new double[7];
        for (var i = 0; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Once();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        var bounded = Work(shape, PricingBudget.Default);
        var unbounded = Work(shape, SearchBudget());
        Console.WriteLine($"| {shape.Describe()} | {times[3]:0.00} ms | {times[^1]:0.00} ms | {bounded.Pivots} | {bounded.Nodes} | " +
            $"{(bounded.Optimal ? "yes" : "**no: budget hit**")} | {unbounded.Pivots}, {unbounded.Nodes} |");
    }
}

internal sealed record Options(double Minutes, int Seed, int Steps, int Keep, string? Out, string? Replay)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(
            double.Parse(Value("--minutes") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seed") ?? "1"),
            int.Parse(Value("--steps") ?? "200"),
            int.Parse(Value("--keep") ?? "8"),
            Value("--out"),
            Value("--replay"));
    }
}
