using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>POST /payments/{orderId}/refunds on the simulated gateway: staff only, never more than a tender took.</summary>
public sealed class RefundTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>A Burger Meal (16.00) paid 10.00 by card with a 2.00 tip and 6.00 in cash; returns the tenders.</summary>
    private async Task<(TableSession Table, string Card, string Cash)> PaidAsync(string prefix)
    {
        var table = await BilledAsync(Api, prefix, Item("burger"), Item("fries"), Item("soda"));
        var paid = await (await table.PayAsync(Api.Staff(), 16m, Card(10m, tip: 2m), Cash(6m))).ReadOkJsonAsync();
        var results = paid["results"]!.AsArray();
        return (table, results[0]!["tenderId"].Text(), results[1]!["tenderId"].Text());
    }

    [Fact]
    public async Task A_partial_card_refund_succeeds_and_the_order_lists_it()
    {
        var (table, card, _) = await PaidAsync("part");

        var refund = await (await table.RefundAsync(card, 4.50m, "soup sent back")).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal((card, 4.50m, "soup sent back", "succeeded"), (refund["tenderId"].Text(), refund["amount"].Money(), refund["reason"].Text(), refund["status"].Text()));
        var order = await table.GetAsync();
        Assert.Equal(4.50m, order["refunded"].Money());
        Assert.Equal(refund["refundId"].Text(), Assert.Single(order["refunds"]!.AsArray())!["refundId"].Text());
        Assert.Equal(("paid", 16m), (order["status"].Text(), order["paid"].Money()));
    }

    [Fact]
    public async Task A_cash_refund_is_recorded_at_once()
    {
        var (table, _, cash) = await PaidAsync("cash");
        var refund = await (await table.RefundAsync(cash, 6m)).ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("succeeded", refund["status"].Text());
        Assert.Equal(6m, (await table.GetAsync())["refunded"].Money());
    }

    [Fact]
    public async Task A_tender_gives_back_its_amount_and_tip_and_not_a_cent_more()
    {
        var (table, card, _) = await PaidAsync("cap");
        await (await table.RefundAsync(card, 10m)).ReadOkJsonAsync(HttpStatusCode.Created);
        await (await table.RefundAsync(card, 2m, "tip back")).ReadOkJsonAsync(HttpStatusCode.Created);

        var refused = await (await table.RefundAsync(card, 0.01m)).AssertProblemAsync(HttpStatusCode.Conflict, "refund_exceeds_payment");

        Assert.Equal(0m, refused["refundable"].Money());
        Assert.Equal(12m, (await table.GetAsync())["refunded"].Money());
    }

    [Fact]
    public async Task An_unknown_tender_is_409_tender_not_refundable()
    {
        var (table, _, _) = await PaidAsync("unknown");
        await (await table.RefundAsync("no-such-tender", 1m)).AssertProblemAsync(HttpStatusCode.Conflict, "tender_not_refundable");
    }

    [Fact]
    public async Task A_declined_tender_is_409_tender_not_refundable()
    {
        var table = await BilledAsync(Api, "decl", Item("soup"));
        var paid = await (await table.PayAsync(6m, Card(6m, "pm_card_chargeDeclined"))).ReadOkJsonAsync();

        await (await table.RefundAsync(paid["results"]![0]!["tenderId"].Text(), 1m)).AssertProblemAsync(HttpStatusCode.Conflict, "tender_not_refundable");
        Assert.Empty((await table.GetAsync())["refunds"]!.AsArray());
    }

    [Fact]
    public async Task A_diner_may_not_refund()
    {
        var (table, card, _) = await PaidAsync("diner");
        var response = await table.Client.PostAsJsonAsync($"/payments/{table.OrderId}/refunds", new { tenderId = card, amount = 1m, reason = "me" });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData(0, "why", "amount")]
    [InlineData(1.001, "why", "amount")]
    [InlineData(1, "", "reason")]
    public async Task A_refund_out_of_shape_is_400_naming_the_field(double amount, string reason, string field)
    {
        var (table, card, _) = await PaidAsync("shape");
        Assert.Contains(field, await (await table.RefundAsync(card, (decimal)amount, reason)).AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Staff_refunding_one_tender_at_once_never_give_back_more_than_it_took()
    {
        var (table, card, _) = await PaidAsync("race");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => table.RefundAsync(card, 5m)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "refund_exceeds_payment");
        var order = await table.GetAsync();
        Assert.Equal(10m, order["refunded"].Money());
        Assert.Equal(2, order["refunds"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_same_refund_sent_twice_with_one_idempotency_key_gives_back_once()
    {
        var (table, card, _) = await PaidAsync("idem");
        var staff = Api.Staff();
        var body = new { tenderId = card, amount = 3m, reason = "cold" };

        var first = await (await staff.PostJsonAsync($"/payments/{table.OrderId}/refunds", body, "refund-key-1")).ReadOkJsonAsync(HttpStatusCode.Created);
        var again = await (await staff.PostJsonAsync($"/payments/{table.OrderId}/refunds", body, "refund-key-1")).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first["refundId"].Text(), again["refundId"].Text());
        Assert.Equal(3m, (await table.GetAsync())["refunded"].Money());
    }
}
