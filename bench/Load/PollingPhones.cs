using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Restaurant.Benchmarks.Load;

public sealed record PollResult(int Requests, int NotModified, int Errors, double P50Ms, double P99Ms, double BytesPerAnswer);

/// <summary>
/// Phones that read their order (GET /orders/{id}) every <c>every</c>, their starts spread evenly over one interval, on
/// one node; with <c>conditional</c> each sends back the ETag it last got (If-None-Match) and gets 304 while nothing
/// changed. Runs until cancelled; only calls started while <see cref="Recording"/> count.
/// </summary>
public sealed class PollingPhones(Uri node, IReadOnlyList<OpenOrder> phones, TimeSpan every, bool conditional)
{
    private readonly List<double> latenciesMs = [];
    private int notModified;
    private int errors;
    private long bytes;
    private volatile bool recording;

    public bool Recording
    {
        set => recording = value;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = node };
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(phones.Select((phone, i) => Task.Run(() => PhoneAsync(http, phone, start, every * i / phones.Count, ct), CancellationToken.None)));
    }

    public PollResult Result()
    {
        lock (latenciesMs)
            return new PollResult(latenciesMs.Count, notModified, errors, Stats.Percentile(latenciesMs, 0.5), Stats.Percentile(latenciesMs, 0.99),
                latenciesMs.Count == 0 ? 0 : (double)bytes / latenciesMs.Count);
    }

    private async Task PhoneAsync(HttpClient http, OpenOrder phone, long start, TimeSpan offset, CancellationToken ct)
    {
        string? etag = null;
        try
        {
            for (var call = 0; ; call++)
            {
                var due = offset + every * call - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                var counted = recording;
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{phone.Id}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", phone.Token);
                if (conditional && etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    var ok = response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified;
                    if (ok) etag = response.Headers.ETag?.ToString() ?? etag;
                    if (!counted) continue;
                    lock (latenciesMs)
                    {
                        if (!ok) errors++;
                        else
                        {
                            latenciesMs.Add(elapsed);
                            bytes += body.Length;
                            if (response.StatusCode == HttpStatusCode.NotModified) notModified++;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    if (counted) Interlocked.Increment(ref errors);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
