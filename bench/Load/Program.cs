// Issue #6's load harness: drives the Release build of the API (and, for P1, bench/Baseline) over loopback, each as a
// child process on its own temporary SQLite file, and prints markdown tables. `dotnet run -c Release` builds both.
//   dotnet run -c Release --project bench/Load -- p1|p2|p5|p6|payments|bill-stall|events|kitchen-lock|all [--warmup 5 --measure 20 --rounds 2 …]
// (--help lists the options.) Benchmarks, not tests: nothing here asserts a time.
using System.Runtime.InteropServices;
using Restaurant.Benchmarks;
using Restaurant.Benchmarks.Load;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception invalid) when (invalid is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"{invalid.Message}\n{BenchOptions.Usage}");
    return 2;
}

using var cancellation = new CancellationTokenSource();
// Ctrl+C or a plain kill: stop cleanly, so that the servers are killed and the temporary databases deleted.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var ct = cancellation.Token;

using var scratch = new ScratchDirectory();
try
{
    var all = options.Scenario == "all";
    if (all || options.Scenario == "p1") await ThroughputScenarios.P1Async(options, scratch, ct);
    if (all || options.Scenario == "p2") await ThroughputScenarios.P2Async(options, scratch, ct);
    if (all || options.Scenario == "p5") await StartupScenario.RunAsync(options, scratch, ct);
    if (all || options.Scenario == "p6") await RoundTripScenario.RunAsync(options, scratch, ct);
    if (all || options.Scenario == "payments") await PaymentLatencyScenario.RunAsync(options, scratch, ct);
    if (all || options.Scenario == "bill-stall") await BillStallScenario.RunAsync(options, scratch, ct);
    // Issue 15's, on PostgreSQL only (--postgres), so not in `all`.
    if (options.Scenario == "events") await EventsScenario.RunAsync(options, ct);
    if (options.Scenario == "kitchen-lock") await ThroughputScenarios.KitchenLockAsync(options, scratch, ct);
    return 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancellation.Cancel();
}
