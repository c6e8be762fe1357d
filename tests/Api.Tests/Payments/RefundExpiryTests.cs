using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain.Orders;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// A card refund whose outcome stays unknown longer than Stripe keeps its idempotency key is not sent again (a repeat
/// then could refund twice): the reconciler logs it for a person to check, as it does a tender.
/// </summary>
[RunsLong(15)]
public sealed class RefundExpiryTests : IAsyncLifetime
{
    private readonly MutableTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private FakeStripe _stripe = null!;
    private RestaurantApi _api = null!;

    [Fact]
    public async Task A_refund_unknown_for_longer_than_stripe_keeps_its_key_is_left_for_a_person_and_not_sent_again()
    {
        var table = await BilledAsync(_api, "rfexp", Item("soup"), Item("tea"));
        var paid = await (await table.PayAsync(8.50m, Card(8.50m))).ReadOkJsonAsync();
        // Every refund request from here on is dropped before Stripe refunds anything: the outcome stays unknown.
        for (var i = 0; i < 500; i++) _stripe.Enqueue(FakeStripeFault.DropBeforeCharge);
        var refund = await (await table.RefundAsync(paid["results"]![0]!["tenderId"].Text(), 2m)).ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", refund["status"].Text());

        _clock.Advance(TimeSpan.FromHours(24));
        var leftFor = $"Refund {refund["refundId"].Text()} of order {table.OrderId} has been pending since";
        await WhenLoggedAsync(leftFor, times: 1);
        var asked = RefundRequests();
        await WhenLoggedAsync(leftFor, times: 3); // two more passes of the reconciler

        Assert.Equal(asked, RefundRequests());
        Assert.Empty(_stripe.Refunds);
        await using var db = _api.Database.OpenContext();
        Assert.Equal(RefundStatus.Pending, db.Refunds.Single(r => r.Id == refund["refundId"].Text()).Status);
    }

    private int RefundRequests() => _stripe.Received.Count(r => r.Method == "POST" && r.Path == "/v1/refunds");

    private async Task WhenLoggedAsync(string text, int times)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_logs.Text.Split(text).Length - 1 < times) await Task.Delay(50, deadline.Token);
    }

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _api = new RestaurantApi(_clock) { TestServices = services => services.AddSingleton<ILoggerProvider>(_logs) };
        foreach (var (key, value) in StripeLedger.Settings(_stripe)) _api.Settings[key] = value;
        _api.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stripe.DisposeAsync();
    }
}
