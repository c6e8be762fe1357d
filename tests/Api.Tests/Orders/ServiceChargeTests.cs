using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>
/// The menu's automatic service charge (by guests) and POST /orders/{id}/service-charge. The class's menu charges 18%
/// (taxable) on parties of 8 or more at a tax rate of 10%, set once for all its tests.
/// </summary>
public sealed class ServiceChargeTests(ServiceChargeTests.PartyMenuFixture fixture) : IClassFixture<ServiceChargeTests.PartyMenuFixture>
{
    public sealed class PartyMenuFixture : IAsyncLifetime
    {
        public RestaurantApi Api { get; } = new();

        public async Task InitializeAsync()
        {
            Api.StartServer();
            await StaffMenu.PublishAsync(Api, menu =>
            {
                menu["taxRate"] = 0.1m;
                menu["serviceCharge"] = new JsonObject { ["rate"] = 0.18m, ["minGuests"] = 8, ["taxable"] = true };
            });
        }

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    private RestaurantApi Api => fixture.Api;

    /// <summary>A table of <paramref name="guests"/> guests that sent a soup each (6.00 each) to the kitchen.</summary>
    private async Task<TableSession> PartyAsync(string prefix, int guests)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix), guests);
        await (await table.AddAsync(Item("soup", guests))).ReadOkJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync()).StatusCode);
        return table;
    }

    [Fact]
    public async Task The_menu_shows_its_service_charge_rule()
    {
        var rule = (await StaffMenu.CurrentAsync(Api))["serviceCharge"]!;
        Assert.Equal((0.18m, 8, true), (rule["rate"].Money(), rule["minGuests"]!.GetValue<int>(), rule["taxable"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_party_of_eight_is_charged_the_menus_rate_and_taxed_on_it()
    {
        // 48.00; 18% is 8.64; 10% of 56.64 is 5.664, so 5.66.
        var bill = await (await (await PartyAsync("eight", 8)).BillAsync()).ReadOkJsonAsync();

        Assert.Equal((8.64m, 5.66m, 62.30m), (bill["serviceCharge"].Money(), bill["tax"].Money(), bill["total"].Money()));
        Assert.Equal(62.30m, bill["shares"]!.AsArray().Sum(s => s!["amount"].Money()));
    }

    [Fact]
    public async Task A_party_below_the_rules_size_is_not_charged()
    {
        var bill = await (await (await PartyAsync("seven", 7)).BillAsync()).ReadOkJsonAsync();
        Assert.Equal((0m, 46.2m), (bill["serviceCharge"].Money(), bill["total"].Money()));
    }

    [Fact]
    public async Task Staff_waive_the_charge_with_a_rate_of_zero()
    {
        var table = await PartyAsync("waive", 8);
        var order = await (await table.ServiceChargeAsync(0m)).ReadOkJsonAsync();
        Assert.Equal(0m, order["serviceChargeRate"].Money());

        var bill = await (await table.BillAsync()).ReadOkJsonAsync();
        Assert.Equal((0m, 52.8m), (bill["serviceCharge"].Money(), bill["total"].Money()));
    }

    [Fact]
    public async Task The_orders_own_rate_is_charged_on_what_the_discounts_left()
    {
        // 12.00 less 50% is 6.00; 20% is 1.20; 10% of 7.20 is 0.72.
        var table = await PartyAsync("own", 2);
        await (await table.ServiceChargeAsync(0.2m)).ReadOkJsonAsync();
        await (await table.DiscountAsync("percent", 50m)).ReadOkJsonAsync(HttpStatusCode.Created);

        var bill = await (await table.BillAsync()).ReadOkJsonAsync();

        Assert.Equal((6m, 1.2m, 0.72m, 7.92m), (bill["discount"].Money(), bill["serviceCharge"].Money(), bill["tax"].Money(), bill["total"].Money()));
    }

    [Fact]
    public async Task A_service_charge_after_the_bill_is_409_order_billed()
    {
        var table = await PartyAsync("late", 2);
        await (await table.BillAsync()).ReadOkJsonAsync();
        await (await table.ServiceChargeAsync(0.1m)).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.6)]
    public async Task A_rate_out_of_range_is_400(double rate)
    {
        var table = await PartyAsync("range", 2);
        Assert.Contains("rate", await (await table.ServiceChargeAsync((decimal)rate)).AssertValidationProblemAsync());
    }

    [Fact]
    public async Task A_diner_may_not_set_the_service_charge()
    {
        var table = await PartyAsync("diner", 8);
        var response = await table.Client.PostAsJsonAsync($"/orders/{table.OrderId}/service-charge", new { rate = 0 });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_menu_with_a_rule_out_of_range_is_400()
    {
        var menu = StaffMenu.Changed(await StaffMenu.CurrentAsync(Api), m => m["serviceCharge"] = new JsonObject { ["rate"] = 0.9m, ["minGuests"] = 8 });
        menu.Remove("effectiveFrom");
        var response = await Api.Staff().PutAsJsonAsync("/menu", menu);
        Assert.Contains("serviceCharge.rate", await response.AssertValidationProblemAsync());
    }
}
