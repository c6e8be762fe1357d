using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

/// <summary>
/// A bill is priced outside every lock: while one table's bill is being priced (held here as long as a test likes),
/// every other write of the restaurant goes on, a change to the billed order itself is priced in, and a caller who
/// hangs up stops the pricing.
/// </summary>
public sealed class BillPricingLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HeldBillPricer _pricer = new();
    private readonly RestaurantApi _api;

    public BillPricingLockTests() =>
        _api = new RestaurantApi { TestServices = services => services.AddSingleton<BillPricer>(_pricer) };

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Another_tables_additions_and_submits_go_through_while_a_bill_is_being_priced()
    {
        var billed = await SubmittedTableAsync("slow");
        var other = await TableSession.OpenAsync(_api, Tables.Unique("next"));
        var hold = _pricer.HoldNext();
        var bill = billed.BillAsync();
        await hold.Entered.WaitAsync(Patience);

        var added = await other.AddAsync(TableSession.Item("soup", 2)).WaitAsync(Patience);
        var submitted = await other.SubmitAsync().WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.False(bill.IsCompleted);
        hold.Release();
        Assert.Equal(HttpStatusCode.OK, (await bill.WaitAsync(Patience)).StatusCode);
    }

    [Fact]
    public async Task A_line_sent_to_the_kitchen_while_the_bill_was_priced_is_on_the_bill()
    {
        var table = await SubmittedTableAsync("late");
        var hold = _pricer.HoldNext();
        var bill = table.BillAsync();
        await hold.Entered.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, (await table.AddAsync(TableSession.Item("cake")).WaitAsync(Patience)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync().WaitAsync(Patience)).StatusCode);
        hold.Release();

        var frozen = await (await bill.WaitAsync(Patience)).ReadOkJsonAsync();
        Assert.Contains(frozen["items"]!.AsArray(), item => item!["menuItemId"].Text() == "cake");
    }

    [Fact]
    public async Task A_caller_who_hangs_up_stops_the_pricing_and_the_order_stays_open()
    {
        var table = await SubmittedTableAsync("hangup");
        var hold = _pricer.HoldNext();
        using var hangUp = new CancellationTokenSource();
        var bill = table.Client.PostAsync($"/orders/{table.OrderId}/bill", null, hangUp.Token);
        await hold.Entered.WaitAsync(Patience);

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bill);
        await hold.Cancelled.WaitAsync(Patience);

        Assert.Equal("open", (await table.GetAsync())["status"].Text());
    }

    private async Task<TableSession> SubmittedTableAsync(string prefix)
    {
        var table = await TableSession.OpenAsync(_api, Tables.Unique(prefix));
        Assert.Equal(HttpStatusCode.OK, (await table.AddAsync(TableSession.Item("salad"), TableSession.Item("juice"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync()).StatusCode);
        return table;
    }
}
