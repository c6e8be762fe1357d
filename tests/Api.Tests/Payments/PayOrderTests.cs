using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>POST /payments/{orderId} on the simulated gateway (no Stripe key), over real HTTP and the suite's database.</summary>
public sealed class PayOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task The_seed_split_declines_the_second_card_keeps_the_others_and_a_second_call_pays_the_rest()
    {
        var table = await BilledAsync(Api, "split",
            Item("salad", diner: "John"), Item("juice", diner: "John"), Item("omelet", diner: "Jane"), Item("coffee", diner: "Derek"));

        var first = await (await table.PayAsync(20.00m,
            Card(10.00m, "pm_card_visa", tip: 1.50m),
            Card(7.50m, "pm_card_visa_chargeDeclined"),
            Card(2.50m, "pm_card_mastercard"))).ReadOkJsonAsync();

        Assert.Equal(table.OrderId, first["orderId"].Text());
        Assert.Equal("partially_paid", first["status"].Text());
        Assert.Equal(12.50m, first["paid"].Money());
        Assert.Equal(7.50m, first["balance"].Money());
        var results = first["results"]!.AsArray();
        Assert.Equal([0, 1, 2], results.Select(r => r!["index"]!.GetValue<int>()));
        Assert.Equal(["succeeded", "declined", "succeeded"], results.Select(r => r!["status"].Text()));
        Assert.All(results, r => Assert.Equal("credit_card", r!["paymentMethod"].Text()));
        Assert.Equal([10.00m, 7.50m, 2.50m], results.Select(r => r!["amount"].Money()));
        Assert.Equal([1.50m, 0m, 0m], results.Select(r => r!["tip"].Money()));
        Assert.Equal("generic_decline", results[1]!["declineCode"].Text());
        Assert.False(string.IsNullOrWhiteSpace(results[1]!["message"].Text()));
        Assert.Null(results[0]!["declineCode"]);
        Assert.StartsWith("pi_", results[0]!["paymentId"].Text());
        Assert.NotEqual(results[0]!["paymentId"].Text(), results[2]!["paymentId"].Text());

        var second = await (await table.PayAsync(7.50m, Card(7.50m, "pm_card_amex"))).ReadOkJsonAsync();
        Assert.Equal("paid", second["status"].Text());
        Assert.Equal(20.00m, second["paid"].Money());
        Assert.Equal(0.00m, second["balance"].Money());
        Assert.Single(second["results"]!.AsArray());

        var order = await table.GetAsync();
        Assert.Equal("paid", order["status"].Text());
        Assert.Equal(0.00m, order["balance"].Money());
        Assert.Equal(20.00m, order["bill"]!["paid"].Money());
        Assert.Equal(["succeeded", "declined", "succeeded", "succeeded"], order["payments"]!.AsArray().Select(p => p!["status"].Text()));
        // A paid order frees its table.
        Assert.Equal(HttpStatusCode.Created, (await OpenRawAsync(order["table"].Text())).StatusCode);
    }

    [Fact]
    public async Task A_total_above_the_current_balance_is_refused_with_the_balance_and_what_is_pending()
    {
        var table = await BilledAsync(Api, "stale", Item("burger"), Item("cake"));

        var problem = await (await table.PayAsync(18.51m, Card(18.51m))).AssertProblemAsync(HttpStatusCode.Conflict, "total_exceeds_balance");
        Assert.Equal(18.50m, problem["balance"].Money());
        Assert.Equal(0.00m, problem["pending"].Money());

        await (await table.PayAsync(18.50m, Card(10.00m), Card(8.50m, "pm_card_chargeDeclinedInsufficientFunds"))).ReadOkJsonAsync();
        // The phone that still shows the first balance is told the new one.
        var stale = await (await table.PayAsync(18.50m, Card(18.50m))).AssertProblemAsync(HttpStatusCode.Conflict, "total_exceeds_balance");
        Assert.Equal(8.50m, stale["balance"].Money());
        Assert.Equal(2, (await table.GetAsync())["payments"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_total_below_the_balance_pays_that_part_and_leaves_the_rest()
    {
        var table = await BilledAsync(Api, "part", Item("burger"), Item("cake"));

        var part = await (await table.PayAsync(6.50m, Card(6.50m))).ReadOkJsonAsync();

        Assert.Equal("partially_paid", part["status"].Text());
        Assert.Equal(6.50m, part["paid"].Money());
        Assert.Equal(12.00m, part["balance"].Money());
        var order = await table.GetAsync();
        Assert.Equal("billed", order["status"].Text());
        Assert.Equal("partially_paid", order["paymentStatus"].Text());
        Assert.Equal(6.50m, order["paid"].Money());
        var rest = await (await table.PayAsync(12.00m, Card(12.00m))).ReadOkJsonAsync();
        Assert.Equal("paid", rest["status"].Text());
        Assert.Equal("paid", (await table.GetAsync())["paymentStatus"].Text());
    }

    [Fact]
    public async Task Cash_is_taken_by_staff_only()
    {
        var table = await BilledAsync(Api, "cash", Item("soup"), Item("tea"));

        await (await table.PayAsync(8.50m, Cash(8.50m))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty((await table.GetAsync())["payments"]!.AsArray());

        var paid = await (await table.PayAsync(Api.Staff(), 8.50m, Cash(5.00m), Card(3.50m, "pm_card_mastercard", tip: 1.00m))).ReadOkJsonAsync();
        Assert.Equal("paid", paid["status"].Text());
        Assert.Equal(["cash", "credit_card"], paid["results"]!.AsArray().Select(r => r!["paymentMethod"].Text()));
        Assert.All(paid["results"]!.AsArray(), r => Assert.Equal("succeeded", r!["status"].Text()));
    }

    [Fact]
    public async Task An_order_pays_only_once_it_is_billed_and_only_until_it_is_paid()
    {
        var open = await OpenAsync(Api, Tables.Unique("unbill"));
        await open.AddAsync(Item("fries"));
        await (await open.PayAsync(4.00m, Card(4.00m))).AssertProblemAsync(HttpStatusCode.Conflict, "not_billed");

        var table = await BilledAsync(Api, "paidtwo", Item("fries"));
        await (await table.PayAsync(4.00m, Card(4.00m))).ReadOkJsonAsync();
        await (await table.PayAsync(4.00m, Card(4.00m))).AssertProblemAsync(HttpStatusCode.Conflict, "order_paid");
        await (await table.PayAsync(0.00m, Card(0.01m))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_card_the_gateway_does_not_know_is_declined_and_the_order_stays_unpaid()
    {
        var table = await BilledAsync(Api, "badtok", Item("cake"));

        var result = await (await table.PayAsync(6.50m, Card(6.50m, "pm_card_unheard_of"))).ReadOkJsonAsync();

        Assert.Equal("unpaid", result["status"].Text());
        Assert.Equal("invalid_card_token", result["results"]![0]!["declineCode"].Text());
        Assert.Equal(0.00m, result["paid"].Money());
        Assert.Equal(6.50m, result["balance"].Money());
        var expired = await (await table.PayAsync(6.50m, Card(6.50m, "pm_card_chargeDeclinedExpiredCard"))).ReadOkJsonAsync();
        Assert.Equal("expired_card", expired["results"]![0]!["declineCode"].Text());
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_payments_are_refused_naming_the_field_and_change_nothing(string field, Func<string, object> body)
    {
        var table = await BilledAsync(Api, "invalid", Item("burger"), Item("soda"));

        var response = await Api.Staff().PostJsonAsync($"/payments/{table.OrderId}", body(table.OrderId));

        var fields = await response.AssertValidationProblemAsync();
        Assert.Contains(field, fields);
        var order = await table.GetAsync();
        Assert.Empty(order["payments"]!.AsArray());
        Assert.Equal(14.50m, order["balance"].Money());
    }

    public static TheoryData<string, Func<string, object>> InvalidBodies() => new()
    {
        { "payments", id => new { orderId = id, total = 14.50m, payments = new[] { Card(10m), Card(4m) } } },
        { "payments", id => new { orderId = id, total = 14.50m, payments = Array.Empty<object>() } },
        { "payments", id => new { orderId = id, total = 14.50m } },
        { "payments", id => new { orderId = id, total = 14.50m, payments = Enumerable.Repeat(Card(0.50m), 21).Append(Card(4.00m)).ToArray() } },
        { "payments[0].amount", id => new { orderId = id, total = 14.50m, payments = new[] { Card(0m), Card(14.50m) } } },
        { "payments[0].amount", id => new { orderId = id, total = 14.505m, payments = new[] { Card(14.505m) } } },
        { "total", id => new { orderId = id, total = -14.50m, payments = new[] { Card(-14.50m) } } },
        { "payments[0].tip", id => new { orderId = id, total = 14.50m, payments = new[] { Card(14.50m, tip: -1m) } } },
        { "payments[0].tip", id => new { orderId = id, total = 14.50m, payments = new object[] { new { amount = 14.50m, paymentMethod = "cash", tip = 2m } } } },
        { "payments[0].cardToken", id => new { orderId = id, total = 14.50m, payments = new object[] { new { amount = 14.50m, paymentMethod = "credit_card" } } } },
        { "payments[0].cardToken", id => new { orderId = id, total = 14.50m, payments = new[] { Card(14.50m, "pm card visa") } } },
        { "payments[0].cardToken", id => new { orderId = id, total = 14.50m, payments = new object[] { new { amount = 14.50m, paymentMethod = "cash", cardToken = "pm_card_visa" } } } },
        { "payments[0].paymentMethod", id => new { orderId = id, total = 14.50m, payments = new object[] { new { amount = 14.50m, paymentMethod = "iou" } } } },
        { "orderId", _ => new { orderId = "someone-else", total = 14.50m, payments = new[] { Card(14.50m) } } },
        { "total", id => new { orderId = id, total = "lots", payments = new[] { Card(14.50m) } } },
    };

    [Theory]
    [InlineData("""{ "total": 14.50, "payments": [ null ] }""")]
    [InlineData("""{ "total": 14.50, "payments": [ null, { "amount": 14.50, "paymentMethod": "cash" } ] }""")]
    [InlineData("""{ "total": 1e27, "payments": [ { "amount": 1e27, "paymentMethod": "cash" } ] }""")]
    [InlineData("""{ "total": 14.50, "payments": [ { "amount": 5e28, "paymentMethod": "cash" }, { "amount": 5e28, "paymentMethod": "cash" } ] }""")]
    [InlineData("""{ "total": 14.50, "payments": "all of it" }""")]
    [InlineData("""{ "total": 14.50, "payments": [ 1, 2 ] }""")]
    [InlineData("""{ "total": 14.50, "payments": [ { "amount": 14.50, "paymentMethod": "\ud800" } ] }""")]
    [InlineData("""{ "total": null, "payments": [ { "amount": 14.50, "paymentMethod": "cash" } ] }""")]
    [InlineData("""[]""")]
    public async Task Malformed_payment_bodies_get_a_400_and_change_nothing(string body)
    {
        var table = await BilledAsync(Api, "badbody", Item("burger"), Item("soda"));

        var response = await Api.Staff().PostRawAsync($"/payments/{table.OrderId}", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty((await table.GetAsync())["payments"]!.AsArray());
    }

    [Fact]
    public async Task Who_may_pay_is_the_table_or_staff()
    {
        var table = await BilledAsync(Api, "whopay", Item("tea"));
        var other = await OpenAsync(Api, Tables.Unique("otherph"));

        await (await table.PayAsync(Api.Anonymous(), 2.50m, Card(2.50m))).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await table.PayAsync(Api.WithToken(other.Token), 2.50m, Card(2.50m))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.Staff().PostJsonAsync("/payments/no-such-order", new { total = 2.50m, payments = new[] { Card(2.50m) } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal("paid", (await (await table.PayAsync(Api.Staff(), 2.50m, Card(2.50m))).ReadOkJsonAsync())["status"].Text());
    }

    [Fact]
    public async Task A_repeated_payment_with_the_same_key_is_answered_from_the_first_and_charges_nothing_more()
    {
        var table = await BilledAsync(Api, "paykey", Item("burger"), Item("fries"), Item("soda"));
        var key = Guid.NewGuid().ToString();
        var body = new { orderId = table.OrderId, total = 16.00m, payments = new[] { Card(6.00m), Card(10.00m, "pm_card_chargeDeclined") } };

        var first = await table.Client.PostJsonAsync($"/payments/{table.OrderId}", body, key);
        var again = await table.Client.PostJsonAsync($"/payments/{table.OrderId}", body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(2, (await table.GetAsync())["payments"]!.AsArray().Count);
        var otherBody = new { orderId = table.OrderId, total = 10.00m, payments = new[] { Card(10.00m) } };
        await (await table.Client.PostJsonAsync($"/payments/{table.OrderId}", otherBody, key))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task The_staff_list_shows_what_is_left_to_pay()
    {
        var table = await BilledAsync(Api, "listpay", Item("omelet"), Item("pancakes"));
        await (await table.PayAsync(17.50m, Card(10.00m), Card(7.50m, "pm_card_chargeDeclined"))).ReadOkJsonAsync();

        var billed = await (await Api.Staff().GetAsync("/orders?status=billed&limit=500")).ReadJsonArrayAsync();
        Assert.Equal(7.50m, billed.Single(o => o!["id"].Text() == table.OrderId)!["balance"].Money());
        await (await table.PayAsync(7.50m, Card(7.50m))).ReadOkJsonAsync();
        var paid = await (await Api.Staff().GetAsync("/orders?status=paid&limit=500")).ReadJsonArrayAsync();
        Assert.Equal(0.00m, paid.Single(o => o!["id"].Text() == table.OrderId)!["balance"].Money());
    }

    private async Task<HttpResponseMessage> OpenRawAsync(string table) =>
        await Api.Anonymous().PostJsonAsync("/orders", new { table, code = await Floor.SetUpAsync(Api, table) });
}
