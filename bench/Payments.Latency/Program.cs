// Issue #4's benchmark: the latency of one payment call with 1 and with 3 card tenders, with the simulated card
// gateway taking --latency-ms per charge. Cards are charged in parallel, so 3 tenders should cost under 1.5× one.
// Needs the API built in Release:
//   dotnet build -c Release src/Api && dotnet run -c Release --project bench/Payments.Latency [-- --iterations 50 --latency-ms 100]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using Restaurant.Benchmarks.Payments;

const int WarmupPaymentsPerKind = 10;
const decimal Goal = 1.5m;
int[] tenderCounts = [1, 3];

int iterations, latencyMs;
try
{
    iterations = PositiveOption("--iterations", 50);
    latencyMs = PositiveOption("--latency-ms", 100);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine($"{invalid.Message} Usage: [--iterations N (default 50)] [--latency-ms MS (default 100)]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // Stop cleanly, so that the API process is killed and its database deleted.
    press.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

try
{
    await using var api = await ApiProcess.StartAsync(RepositoryRoot(), TimeSpan.FromMilliseconds(latencyMs), cancellationToken);
    using var http = new HttpClient { BaseAddress = api.BaseAddress };
    var ordersOpened = 0;

    // Warm-up: JIT, connection pool, SQLite caches.
    for (var i = 0; i < WarmupPaymentsPerKind; i++)
        foreach (var tenders in tenderCounts)
            await TimeOnePaymentAsync(tenders);

    // Interleaved, so that noise from other work on the machine hits both kinds alike.
    var milliseconds = tenderCounts.ToDictionary(tenders => tenders, _ => new List<double>());
    for (var i = 0; i < iterations; i++)
        foreach (var tenders in tenderCounts)
            milliseconds[tenders].Add(await TimeOnePaymentAsync(tenders));

    PrintReport(milliseconds);
    return 0;

    // Sets up a billed order (not timed), then times only the payment call.
    async Task<double> TimeOnePaymentAsync(int tenders)
    {
        var order = await PostAsync<OpenedOrder>("/orders", accessToken: null, new { table = $"bench-{++ordersOpened}" });
        await PostAsync<object>($"/orders/{order.Id}/items", order.AccessToken, new { add = new[] { new { menuItemId = "burger", quantity = 1 } } });
        await PostAsync<object>($"/orders/{order.Id}/submit", order.AccessToken, new { });
        var bill = await PostAsync<Bill>($"/orders/{order.Id}/bill", order.AccessToken, new { });
        var payment = new
        {
            orderId = order.Id,
            total = bill.Total,
            payments = SplitIntoCents(bill.Total, tenders)
                .Select(amount => new { amount, paymentMethod = "credit_card", cardToken = "pm_card_visa" }),
        };

        using var request = Post($"/payments/{order.Id}", order.AccessToken, payment);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var result = await ReadAsync<PaymentResult>(response);
        if (result.Status != "paid")
            throw new InvalidOperationException($"Order {order.Id} is {result.Status} after paying with {tenders} card(s).");
        return elapsed.TotalMilliseconds;
    }

    async Task<T> PostAsync<T>(string path, string? accessToken, object body)
    {
        using var request = Post(path, accessToken, body);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response);
    }

    async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered an empty body.");
    }
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

void PrintReport(Dictionary<int, List<double>> milliseconds)
{
    Console.WriteLine($"Payment call latency, simulated gateway at {latencyMs} ms per charge, {iterations} calls of each kind " +
        $"(after {WarmupPaymentsPerKind} warm-up calls each), 1- and 3-card calls interleaved.");
    Console.WriteLine();
    Console.WriteLine("| tenders | median | p90 | min | max |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    foreach (var (tenders, times) in milliseconds)
    {
        times.Sort();
        Console.WriteLine($"| {tenders} | {Percentile(times, 0.5):0.0} ms | {Percentile(times, 0.9):0.0} ms | {times[0]:0.0} ms | {times[^1]:0.0} ms |");
    }
    var ratio = (decimal)(Percentile(milliseconds[3], 0.5) / Percentile(milliseconds[1], 0.5));
    Console.WriteLine();
    Console.WriteLine($"Median 3 tenders / 1 tender: {ratio:0.00}× (goal < {Goal}×: {(ratio < Goal ? "met" : "NOT met")}).");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} " +
        $"{RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
}

// Nearest-rank percentile of sorted values.
static double Percentile(List<double> sorted, double fraction) =>
    sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

// Splits a total into the given number of card amounts, in whole cents, that add up to it exactly.
static IEnumerable<decimal> SplitIntoCents(decimal total, int parts)
{
    var cents = (long)(total * 100);
    var share = cents / parts;
    for (var part = 1; part < parts; part++) yield return share / 100m;
    yield return (cents - share * (parts - 1)) / 100m;
}

static HttpRequestMessage Post(string path, string? accessToken, object body)
{
    var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    return request;
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "Restaurant.sln"))) return directory.FullName;
    throw new InvalidOperationException($"No Restaurant.sln above {AppContext.BaseDirectory}.");
}

int PositiveOption(string name, int defaultValue)
{
    var at = Array.IndexOf(args, name);
    if (at < 0) return defaultValue;
    if (at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0) return value;
    throw new ArgumentException($"{name} takes a positive whole number.");
}

internal sealed record OpenedOrder(string Id, string AccessToken);

internal sealed record Bill(decimal Total);

internal sealed record PaymentResult(string Status);
