using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Telemetry;

/// <summary>
/// The API with its telemetry pipeline switched on (as OTEL_EXPORTER_OTLP_ENDPOINT does) and the in-memory exporter in
/// place of OTLP: billing an order leaves a pricing span in the request's trace and the bills metrics. Listeners are
/// process-wide, so spans are found by the trace of this test's own request, and metrics by name.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly SpanLog _spans = new();
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly RestaurantApi _api;

    public TelemetryTests()
    {
        _api = new RestaurantApi
        {
            TestServices = services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            },
        };
        _api.Settings["Telemetry:Enabled"] = "true";
    }

    [Fact]
    public async Task A_billed_order_has_a_pricing_span_with_its_size_in_the_bill_requests_trace()
    {
        var table = await BilledAsync(_api, "otspan", Item("cake"), Item("coffee", 2));
        Predicate<Activity> isBillRequest = s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("url.path") == $"/orders/{table.OrderId}/bill";

        var spans = await SpansOnceAsync(isBillRequest);
        var billRequest = Assert.Single(spans, isBillRequest);
        var pricing = Assert.Single(spans, s => s.OperationName == "bill.price" && s.TraceId == billRequest.TraceId);
        Assert.Equal(3, pricing.GetTagItem("restaurant.bill.units"));
        var bill = (await table.GetAsync())["bill"]!;
        Assert.Equal(bill["bundles"]!.AsArray().Count, pricing.GetTagItem("restaurant.bill.bundles"));
        Assert.Equal(true, pricing.GetTagItem("restaurant.bill.optimal"));
        Assert.IsType<double>(pricing.GetTagItem("restaurant.bill.pricing_ms"));
    }

    [Fact]
    public async Task Billing_an_order_counts_an_optimal_bill_and_records_its_pricing_time()
    {
        await BilledAsync(_api, "otmeter", Item("cake"));
        _api.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var bills = PointsOf("restaurant.bills").Where(p => Tag(p, "optimal") is true).Sum(p => p.GetSumLong());
        var pricings = PointsOf("restaurant.bill.pricing.duration").Where(p => Tag(p, "optimal") is true).Sum(p => p.GetHistogramCount());
        Assert.True(bills >= 1, $"restaurant.bills counted {bills}");
        Assert.True(pricings >= 1, $"restaurant.bill.pricing.duration recorded {pricings}");
    }

    [Fact]
    public async Task Without_an_endpoint_or_the_switch_there_is_no_telemetry_pipeline()
    {
        await using var plain = new RestaurantApi();

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
    }

    /// <summary>
    /// The spans exported so far, once one matches <paramref name="present"/> (or after 10 s): the server ends a request's
    /// span after its answer has been sent, so the client can read the answer before the span is exported.
    /// </summary>
    private async Task<IReadOnlyList<Activity>> SpansOnceAsync(Predicate<Activity> present)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            _api.Services.GetRequiredService<TracerProvider>().ForceFlush();
            var spans = _spans.Snapshot();
            if (spans.Any(s => present(s)) || waited.Elapsed > TimeSpan.FromSeconds(10)) return spans;
            await Task.Delay(20);
        }
    }

    /// <summary>The latest export of a metric: its points are cumulative.</summary>
    private IEnumerable<MetricPoint> PointsOf(string name)
    {
        lock (_metrics) return _metrics.LastOrDefault(m => m.Name == name)?.MetricPoints ?? [];
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value;
        return null;
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>The exporter adds from the threads that end spans, including other tests' servers: read a copy under the lock.</summary>
    private sealed class SpanLog : Collection<Activity>
    {
        private readonly Lock _gate = new();

        public IReadOnlyList<Activity> Snapshot()
        {
            lock (_gate) return [.. Items];
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate) base.InsertItem(index, item);
        }
    }
}
