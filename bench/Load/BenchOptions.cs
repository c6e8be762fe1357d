namespace Restaurant.Benchmarks.Load;

/// <summary>The command line: `scenario [--option value]…`; every option has a default.</summary>
public sealed record BenchOptions(
    string Scenario,
    TimeSpan Warmup,
    TimeSpan Measure,
    int Rounds,
    int Samples,
    int[] Sizes,
    string? SeedDirectory,
    int Tables,
    int PaymentCalls,
    int GatewayMilliseconds,
    int Lines,
    string[] Answers,
    string? Postgres,
    int Nodes,
    string? CompareApi,
    int Streams,
    string? Api)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Load -- p1|p2|p5|p6|payments|bill-stall|events|kitchen-lock|all [options]
          --warmup S      seconds of load before each measured window (p1, p2, bill-stall, events, kitchen-lock; default 5)
          --measure S     seconds measured per run or phase (p1, p2, bill-stall, events, kitchen-lock; default 20)
          --rounds N      runs of each side, alternated, medians reported (p1, p2, kitchen-lock; default 2)
          --samples N     timed calls of each kind per database size (p5; default 300)
          --sizes A,B     past orders in the database (p5; default 10000,1000000)
          --seed-dir DIR  keep seeded databases there and reuse them (p5; default: a temporary directory)
          --tables N      tables served by each design (p6; default 30)
          --calls N       timed payment calls of each kind (payments; default 50)
          --gateway-ms N  the simulated card gateway's time per charge (payments; default 100)
          --lines N       lines each order holds before its measured additions (p1; default 0: orders fill from empty)
          --answers A,B   what ours answers an addition: full (the order), minimal (Prefer: return=minimal) (p1; p2 and
                          kitchen-lock take the first; default full)
          --postgres CS   run p1, p2, events, kitchen-lock on PostgreSQL at this server (a database per run); p1: ours and the
                          Npgsql baseline. events and kitchen-lock need it. With pg_stat_statements preloaded, events counts statements
          --nodes N       API processes on the one database, connections spread over them (p2, kitchen-lock; default 1)
          --api D         the build of the API to measure, its Restaurant.Api.dll (p2, events, kitchen-lock; default this
                          repository's Release build)
          --compare-api D another build's Restaurant.Api.dll, run against this one, alternated (p2: e.g. a commit without the event
                          log; kitchen-lock: a build without the kitchen's sequence lock, which kitchen-lock needs)
          --streams N     open event streams, and polling phones to compare (events; default 500)
        Scenarios beyond issue 6 (issue 15, the event log):
          p2 --postgres CS --nodes 3 --compare-api D   P2 on 3 nodes, this build (or --api) against D, alternated
          events --postgres CS                         3 nodes; N streams (+4 kitchen) on node 2: idle, writes on node 1 (latency), P2's
                                                       hot table on nodes 1 and 3; then N phones polling GET /orders/{id} every 2 s,
                                                       without and with If-None-Match: CPU and database queries/s of each
          kitchen-lock --postgres CS --compare-api D   32 tables each adding and submitting (a ticket a round), this build (or --api) against D
        """;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("p1" or "p2" or "p5" or "p6" or "payments" or "bill-stall" or "events" or "kitchen-lock" or "all"))
            throw new ArgumentException("Name a scenario first.");
        return new BenchOptions(
            args[0],
            TimeSpan.FromSeconds(Positive(args, "--warmup", 5)),
            TimeSpan.FromSeconds(Positive(args, "--measure", 20)),
            Positive(args, "--rounds", 2),
            Positive(args, "--samples", 300),
            Value(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 1_000_000],
            Value(args, "--seed-dir"),
            Positive(args, "--tables", 30),
            Positive(args, "--calls", 50),
            Positive(args, "--gateway-ms", 100),
            Value(args, "--lines") is { } lines ? int.Parse(lines) : 0,
            Value(args, "--answers")?.Split(',') ?? ["full"],
            Value(args, "--postgres"),
            Positive(args, "--nodes", 1),
            Value(args, "--compare-api") is { } dll ? Path.GetFullPath(dll) : null,
            Positive(args, "--streams", 500),
            Value(args, "--api") is { } api ? Path.GetFullPath(api) : null);
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return null;
        return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static int Positive(string[] args, string name, int defaultValue) =>
        Value(args, name) is not { } text ? defaultValue
        : int.TryParse(text, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} takes a positive whole number.");
}
