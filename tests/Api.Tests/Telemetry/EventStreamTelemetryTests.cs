using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Telemetry;

/// <summary>
/// The open event streams as the <c>restaurant.event_streams.active</c> up-down counter, by kind, with the in-memory
/// exporter as in <see cref="TelemetryTests"/>. A listener hears every server of the process that has the meter, and
/// other tests open and close streams all the time: this class runs alone (after the parallel ones), so the counts
/// are this server's.
/// </summary>
[Collection(EventStreamTelemetryCollection.Name)]
public sealed class EventStreamTelemetryTests : IAsyncLifetime
{
    private const string Metric = "restaurant.event_streams.active";

    private readonly List<MetricSnapshot> _metrics = [];
    private readonly RestaurantApi _api;

    public EventStreamTelemetryTests()
    {
        _api = new RestaurantApi
        {
            TestServices = services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics)),
        };
        _api.Settings["Telemetry:Enabled"] = "true";
    }

    [Fact]
    public async Task Open_event_streams_are_counted_by_kind_while_they_are_open()
    {
        var table = await TableSession.OpenAsync(_api, Tables.Unique("otsse"));

        await using (await EventStream.OpenAsync(table.Client, $"/orders/{table.OrderId}/events"))
        await using (await EventStream.OpenAsync(table.Client, $"/orders/{table.OrderId}/events"))
        await using (await EventStream.OpenAsync(_api.Staff(), "/kitchen/events"))
        {
            Assert.Equal((2, 1), await ActiveOnceSettledAsync((2, 1)));
        }

        Assert.Equal((0, 0), await ActiveOnceSettledAsync((0, 0)));
    }

    /// <summary>
    /// The counter's value once it is <paramref name="expected"/>, or after 30 s: the server counts a stream just after
    /// its client sees it open, and uncounts it when it notices the client has gone.
    /// </summary>
    private async Task<(long Order, long Kitchen)> ActiveOnceSettledAsync((long Order, long Kitchen) expected)
    {
        var waited = Stopwatch.StartNew();
        var active = Active();
        while (active != expected && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            active = Active();
        }
        return active;
    }

    /// <summary>The counter's value now, for order streams and for kitchen streams.</summary>
    private (long Order, long Kitchen) Active()
    {
        _api.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics)
        {
            var points = _metrics.LastOrDefault(m => m.Name == Metric)?.MetricPoints ?? [];
            return (Sum(points, "order"), Sum(points, "kitchen"));
        }
    }

    private static long Sum(IEnumerable<MetricPoint> points, string kind)
    {
        var sum = 0L;
        foreach (var point in points)
            foreach (var tag in point.Tags)
                if (tag.Key == "kind" && (string?)tag.Value == kind) sum += point.GetSumLong();
        return sum;
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EventStreamTelemetryCollection
{
    public const string Name = "event stream telemetry";
}
