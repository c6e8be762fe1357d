using System.Diagnostics;
using System.Diagnostics.Metrics;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Infrastructure.Telemetry;

/// <summary>
/// The API's own spans (ActivitySource "Restaurant") and metrics (Meter "Restaurant", made by the host's
/// <see cref="IMeterFactory"/>, which owns and disposes it). Without a listener (telemetry off) every call here is a
/// no-op. README's "Telemetry" section says what each instrument means. No tag ever holds a token, key, card token,
/// table or order id: tags are names and outcomes only, so their number stays small.
/// </summary>
public sealed class RestaurantTelemetry : IDisposable
{
    public const string Name = "Restaurant";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _itemsAdded;
    private readonly Counter<long> _tickets;
    private readonly Counter<long> _bills;
    private readonly Histogram<double> _billPricing;
    private readonly Counter<long> _tenders;
    private readonly Counter<long> _reconcilerPasses;
    private readonly UpDownCounter<long> _eventStreams;
    // Written by the reconciler's pass, read by the gauge's callback on the exporter's thread.
    private long _pendingTenders;

    public RestaurantTelemetry(IMeterFactory meters)
    {
        Source = new ActivitySource(Name);
        var meter = meters.Create(Name);
        _requests = meter.CreateCounter<long>("restaurant.requests", "{request}", "Use cases handled, by request and outcome.");
        _requestDuration = meter.CreateHistogram<double>("restaurant.request.duration", "ms", "Time a use case took, by request and outcome.");
        _itemsAdded = meter.CreateCounter<long>("restaurant.items.added", "{item}", "Units of menu items added to orders.");
        _tickets = meter.CreateCounter<long>("restaurant.tickets.submitted", "{ticket}", "Kitchen tickets submitted.");
        _bills = meter.CreateCounter<long>("restaurant.bills", "{bill}", "Bills priced, by whether the price is proven optimal.");
        _billPricing = meter.CreateHistogram<double>("restaurant.bill.pricing.duration", "ms", "Time the pricing of a bill took, by optimal.");
        _tenders = meter.CreateCounter<long>("restaurant.tenders", "{tender}", "Tender outcomes, by method, status and who learnt them.");
        _reconcilerPasses = meter.CreateCounter<long>("restaurant.reconciler.passes", "{pass}", "Passes of the payment reconciler, by result.");
        _eventStreams = meter.CreateUpDownCounter<long>("restaurant.event_streams.active", "{stream}",
            "Event streams open on this node, by kind (order, kitchen).");
        meter.CreateObservableGauge("restaurant.tenders.pending", () => Interlocked.Read(ref _pendingTenders), "{tender}",
            "Card tenders pending past one reconcile interval, as the reconciler's last pass found them.");
    }

    public ActivitySource Source { get; }

    public void RequestHandled(string request, string outcome, double milliseconds)
    {
        var tags = new TagList { { "request", request }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _requestDuration.Record(milliseconds, tags);
    }

    public void ItemsAdded(int units)
    {
        if (units > 0) _itemsAdded.Add(units);
    }

    public void TicketSubmitted() => _tickets.Add(1);

    /// <summary>Prices a bill inside a "bill.price" span and records the bills counter and the pricing time.</summary>
    public async Task<PricedBill> PriceBillAsync(Func<Task<PricedBill>> price)
    {
        using var activity = Source.StartActivity("bill.price");
        var started = Stopwatch.GetTimestamp();
        var priced = await price();
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var optimal = new KeyValuePair<string, object?>("optimal", priced.Bill.Optimal);
        _bills.Add(1, optimal);
        _billPricing.Record(milliseconds, optimal);
        activity?.SetTag("restaurant.bill.units", priced.Bill.Items.Sum(i => i.Quantity));
        activity?.SetTag("restaurant.bill.bundles", priced.Bill.Bundles.Count);
        activity?.SetTag("restaurant.bill.optimal", priced.Bill.Optimal);
        activity?.SetTag("restaurant.bill.pricing_ms", Math.Round(milliseconds, 3));
        return priced;
    }

    /// <summary>Counts the tenders of one payment call as its answer reports them, and passes the answer on.</summary>
    public PaymentResult TendersAnswered(PaymentResult result)
    {
        foreach (var tender in result.Results)
            _tenders.Add(1, new TagList { { "method", tender.PaymentMethod }, { "status", tender.Status }, { "source", "payment" } });
        return result;
    }

    /// <summary>A card outcome the reconciler learnt by asking again; "recorded" is false when nothing new was written.</summary>
    public void TenderReconciled(CardOutcomeKind outcome, bool recorded) =>
        _tenders.Add(1, new TagList
        {
            { "method", PaymentMethods.Card },
            { "status", recorded ? StatusOf(outcome) : "unchanged" },
            { "source", "reconciler" },
        });

    /// <param name="result">completed, waiting (the database is unavailable) or failed.</param>
    public void ReconcilerPass(string result, long? pendingSeen)
    {
        _reconcilerPasses.Add(1, new KeyValuePair<string, object?>("result", result));
        if (pendingSeen is { } seen) Interlocked.Exchange(ref _pendingTenders, seen);
    }

    /// <summary>An event stream was opened (its answer started): <paramref name="kitchen"/> for the kitchen's, else an order's.</summary>
    public void EventStreamOpened(bool kitchen) => _eventStreams.Add(1, StreamKind(kitchen));

    /// <summary>An event stream that <see cref="EventStreamOpened"/> counted has ended.</summary>
    public void EventStreamClosed(bool kitchen) => _eventStreams.Add(-1, StreamKind(kitchen));

    private static KeyValuePair<string, object?> StreamKind(bool kitchen) => new("kind", kitchen ? "kitchen" : "order");

    private static string StatusOf(CardOutcomeKind outcome) => outcome switch
    {
        CardOutcomeKind.Succeeded => "succeeded",
        CardOutcomeKind.Declined => "declined",
        _ => "pending",
    };

    public void Dispose() => Source.Dispose();
}
