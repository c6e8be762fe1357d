using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class BillOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task The_seed_story_bills_20_with_two_bundles_and_fair_shares()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("story"));
        var pending = (await (await session.AddAsync(
                TableSession.Item("salad", diner: "John"), TableSession.Item("juice", diner: "John"),
                TableSession.Item("omelet", diner: "Jane"), TableSession.Item("coffee", diner: "Derek")))
            .ReadOkJsonAsync())["pending"]!.AsArray();
        var lineOf = pending.ToDictionary(l => l!["menuItemId"].Text(), l => l!["lineId"].Text());
        Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);

        var bill = await (await session.BillAsync()).ReadOkJsonAsync();

        Assert.Equal(session.OrderId, bill["orderId"].Text());
        Assert.Equal("USD", bill["currency"].Text());
        var items = bill["items"]!.AsArray().ToDictionary(i => i!["menuItemId"].Text());
        Assert.Equal(4, items.Count);
        foreach (var (id, name, price) in new[] { ("salad", "Garden Salad", 8.00m), ("juice", "Orange Juice", 4.00m), ("omelet", "Omelet", 9.00m), ("coffee", "Coffee", 3.00m) })
        {
            Assert.Equal(name, items[id]!["name"].Text());
            Assert.Equal(1, items[id]!["quantity"]!.GetValue<int>());
            Assert.Equal(price, items[id]!["unitPrice"].Money());
            Assert.Equal(price, items[id]!["amount"].Money());
        }

        var bundles = bill["bundles"]!.AsArray().ToDictionary(b => b!["bundleId"].Text());
        Assert.Equal(["omelet-coffee", "salad-juice"], bundles.Keys.Order());
        AssertBundle(bundles["salad-juice"]!, "Salad & Juice", ["salad", "juice"], [lineOf["salad"], lineOf["juice"]]);
        AssertBundle(bundles["omelet-coffee"]!, "Omelet & Coffee", ["omelet", "coffee"], [lineOf["omelet"], lineOf["coffee"]]);

        Assert.Equal(24.00m, bill["subtotal"].Money());
        Assert.Equal(4.00m, bill["savings"].Money());
        Assert.Equal(0.00m, bill["tax"].Money());
        Assert.Equal(20.00m, bill["total"].Money());
        var shares = bill["shares"]!.AsArray().ToDictionary(s => s!["diner"].Text(), s => s!["amount"].Money());
        Assert.Equal(new Dictionary<string, decimal> { ["John"] = 10.00m, ["Jane"] = 7.50m, ["Derek"] = 2.50m }, shares);
        Assert.Equal(0.00m, bill["paid"].Money());
        Assert.Equal(20.00m, bill["balance"].Money());

        var order = await session.GetAsync();
        Assert.Equal("billed", order["status"].Text());
        Assert.Equal(20.00m, order["balance"].Money());
    }

    [Fact]
    public async Task Lines_without_a_diner_share_a_null_diner()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("nodiner"));
        await session.AddAsync(TableSession.Item("cake"), TableSession.Item("coffee", 2), TableSession.Item("tea", diner: "Tia"));
        await session.SubmitAsync();

        var bill = await (await session.BillAsync()).ReadOkJsonAsync();

        var shares = bill["shares"]!.AsArray();
        Assert.Equal(2, shares.Count);
        Assert.Contains(shares, s => s!["diner"] is null);
        Assert.Contains(shares, s => s!["diner"]?.GetValue<string>() == "Tia");
        Assert.Equal(bill["total"].Money(), shares.Sum(s => s!["amount"].Money()));
        Assert.Equal(bill["subtotal"].Money() - bill["savings"].Money() + bill["tax"].Money(), bill["total"].Money());
        Assert.Equal(bill["subtotal"].Money(), bill["items"]!.AsArray().Sum(i => i!["amount"].Money()));
    }

    [Fact]
    public async Task Tax_is_added_on_the_discounted_amount_rounded_half_away_from_zero()
    {
        var single = await TableSession.OpenAsync(fixture.Api, Tables.Unique("tax"));
        await single.AddAsync(TableSession.Item("tea", diner: "Tom"));
        await single.SubmitAsync();
        var story = await TableSession.OpenAsync(fixture.Api, Tables.Unique("taxstry"));
        await story.AddAsync(TableSession.Item("salad", diner: "John"), TableSession.Item("juice", diner: "John"),
            TableSession.Item("omelet", diner: "Jane"), TableSession.Item("coffee", diner: "Derek"));
        await story.SubmitAsync();
        JsonObject teaBill, storyBill;
        try
        {
            await StaffMenu.PublishTaxRateAsync(fixture.Api, 0.05m);
            teaBill = await (await single.BillAsync()).ReadOkJsonAsync();
            await StaffMenu.PublishTaxRateAsync(fixture.Api, 0.0725m);
            storyBill = await (await story.BillAsync()).ReadOkJsonAsync();
        }
        finally
        {
            await StaffMenu.PublishTaxRateAsync(fixture.Api, 0m);
        }

        // 2.50 × 5% = 0.125, which rounds away from zero to 0.13.
        Assert.Equal(0.13m, teaBill["tax"].Money());
        Assert.Equal(2.63m, teaBill["total"].Money());
        Assert.Equal(2.63m, Assert.Single(teaBill["shares"]!.AsArray())!["amount"].Money());
        // 20.00 after bundles × 7.25% = 1.45: tax is on the discounted amount, not on the 24.00 list price.
        Assert.Equal(24.00m, storyBill["subtotal"].Money());
        Assert.Equal(4.00m, storyBill["savings"].Money());
        Assert.Equal(1.45m, storyBill["tax"].Money());
        Assert.Equal(21.45m, storyBill["total"].Money());
        var shares = storyBill["shares"]!.AsArray().ToDictionary(s => s!["diner"].Text(), s => s!["amount"].Money());
        Assert.Equal(21.45m, shares.Values.Sum());
        foreach (var (diner, beforeTax) in new[] { ("John", 10.00m), ("Jane", 7.50m), ("Derek", 2.50m) })
            Assert.InRange(shares[diner], decimal.Round(beforeTax * 1.0725m, 2) - 0.01m, decimal.Round(beforeTax * 1.0725m, 2) + 0.01m);
        Assert.All(shares.Values, amount => Assert.Equal(amount, decimal.Round(amount, 2)));
    }

    [Fact]
    public async Task Billing_again_returns_the_same_frozen_bill_byte_for_byte()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("again"));
        await session.AddAsync(TableSession.Item("burger", diner: "A"), TableSession.Item("fries", diner: "B"), TableSession.Item("soda", diner: "C"));
        await session.SubmitAsync();

        var first = await session.BillAsync();
        var second = await session.BillAsync();
        var byStaff = await fixture.Api.Staff().PostAsync($"/orders/{session.OrderId}/bill", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byStaff.StatusCode);
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(body, await byStaff.Content.ReadAsByteArrayAsync());
        Assert.Equal(16.00m, (await first.ReadJsonAsync())["total"].Money());
    }

    [Fact]
    public async Task The_bill_does_not_follow_later_menu_changes()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("frozen"));
        await session.AddAsync(TableSession.Item("cake"), TableSession.Item("tea"));
        await session.SubmitAsync();
        var first = await (await session.BillAsync()).Content.ReadAsStringAsync();
        try
        {
            // A recomputed bill would now bundle cake and tea at 5.00 instead of 8.00.
            await StaffMenu.PublishBundlePriceAsync(fixture.Api, "sweet-break", 5.00m);

            var second = await (await session.BillAsync()).Content.ReadAsStringAsync();

            Assert.Equal(first, second);
            Assert.Equal(8.00m, JsonNode.Parse(second)!["total"].Money());
        }
        finally
        {
            await StaffMenu.PublishBundlePriceAsync(fixture.Api, "sweet-break", 8.00m);
        }
    }

    [Fact]
    public async Task Pending_lines_block_the_bill()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("pending"));
        await session.AddAsync(TableSession.Item("soup"));
        await session.SubmitAsync();
        await session.AddAsync(TableSession.Item("cake"));

        var refused = await session.BillAsync();

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "pending_items");
        var order = await session.GetAsync();
        Assert.Equal("open", order["status"].Text());
        Assert.Null(order["bill"]);
        await session.SubmitAsync();
        Assert.Equal(12.50m, (await (await session.BillAsync()).ReadOkJsonAsync())["total"].Money());
    }

    [Fact]
    public async Task An_order_with_nothing_submitted_cannot_be_billed()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("empty"));

        await (await session.BillAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "empty_order");

        var line = (await (await session.AddAsync(TableSession.Item("tea"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();
        await session.ChangeAsync(new { remove = new[] { line } });
        await (await session.BillAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "empty_order");
        Assert.Equal("open", (await session.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task After_the_bill_the_order_takes_no_more_items()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("closed"));
        await session.AddAsync(TableSession.Item("pancakes"));
        await session.SubmitAsync();
        var bill = await (await session.BillAsync()).Content.ReadAsStringAsync();

        await (await session.AddAsync(TableSession.Item("coffee"))).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        await (await session.SubmitAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");

        Assert.Equal(bill, await (await session.BillAsync()).Content.ReadAsStringAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_order_is_404_for_staff()
    {
        var response = await fixture.Api.Staff().PostAsync("/orders/no-such-order/bill", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    private static void AssertBundle(JsonNode bundle, string name, string[] menuItemIds, string[] lineIds)
    {
        Assert.Equal(name, bundle["name"].Text());
        Assert.Equal(10.00m, bundle["price"].Money());
        Assert.Equal(12.00m, bundle["listPrice"].Money());
        Assert.Equal(2.00m, bundle["savings"].Money());
        Assert.Equal(menuItemIds, bundle["menuItemIds"]!.AsArray().Select(x => x.Text()));
        Assert.Equal(lineIds, bundle["lineIds"]!.AsArray().Select(x => x.Text()));
    }
}
