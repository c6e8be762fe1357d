// Bulk-loads past paid orders into a new SQLite database created by the API's own migrations (issue #6, P5).
//   dotnet run -c Release --project bench/Seed -- --orders 1000000 --database /tmp/orders-1m.db
// bench/Load's p5 scenario calls the same loader itself; this entry point is for looking at a seeded file by hand.
using System.Runtime.InteropServices;
using Restaurant.Benchmarks;

var orders = Option("--orders");
var database = Option("--database");
if (!int.TryParse(orders, out var count) || count < 1 || database is null)
{
    Console.Error.WriteLine("Usage: --orders N --database PATH (PATH must not exist yet)");
    return 2;
}

using var cancellation = new CancellationTokenSource();
// Ctrl+C or a plain kill: stop cleanly, so that the API started for the templates is killed.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await PastOrderLoader.LoadAsync(Path.GetFullPath(database), count, message => Console.WriteLine(message), cancellation.Token);
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; the partly seeded database is left in place.");
    return 130;
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancellation.Cancel();
}
