using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>A card's tip is at most Payments:MaxTipRatio (default 1.0) times the tender's amount.</summary>
public sealed class TipCapTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task A_tip_of_almost_a_billion_on_a_six_dollar_bill_is_refused_naming_the_tip_and_charges_nothing()
    {
        var table = await BilledAsync(fixture.Api, "bigtip", Item("soup"));

        var response = await table.PayAsync(6.00m, Card(6.00m, tip: 999_999_999.99m));

        Assert.Equal(["payments[0].tip"], await response.AssertValidationProblemAsync());
        var order = await table.GetAsync();
        Assert.Empty(order["payments"]!.AsArray());
        Assert.Equal(6.00m, order["balance"].Money());
    }

    [Fact]
    public async Task By_default_a_tip_may_be_as_large_as_its_tenders_amount_and_no_larger()
    {
        var table = await BilledAsync(fixture.Api, "fulltip", Item("soup"), Item("tea"));

        var refused = await table.PayAsync(8.50m, Card(2.50m, tip: 2.51m), Card(6.00m, tip: 6.00m));
        Assert.Equal(["payments[0].tip"], await refused.AssertValidationProblemAsync());

        var paid = await (await table.PayAsync(8.50m, Card(2.50m, tip: 2.50m), Card(6.00m, tip: 6.00m))).ReadOkJsonAsync();
        Assert.Equal("paid", paid["status"].Text());
        Assert.Equal([2.50m, 6.00m], paid["results"]!.AsArray().Select(r => r!["tip"].Money()));
    }

    [Fact]
    public async Task A_configured_ratio_caps_tips_at_that_share_of_the_amount()
    {
        await using var api = new RestaurantApi();
        api.Settings["Payments:MaxTipRatio"] = "0.2";
        var table = await BilledAsync(api, "ratio", Item("soup"));

        var refused = await table.PayAsync(6.00m, Card(6.00m, tip: 1.21m));
        Assert.Equal(["payments[0].tip"], await refused.AssertValidationProblemAsync());
        Assert.Contains("0.2 times", (await refused.ReadJsonAsync())["errors"]!["payments[0].tip"]![0].Text());

        var paid = await (await table.PayAsync(6.00m, Card(6.00m, tip: 1.20m))).ReadOkJsonAsync();
        Assert.Equal(1.20m, paid["results"]![0]!["tip"].Money());
    }
}
