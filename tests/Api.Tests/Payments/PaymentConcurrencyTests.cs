using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Six phones pay one balance at the same moment: exactly one call takes it, the others are told why not; and diners
/// pay their own shares at the same moment, declines among them: the order is paid exactly once. On one API, and on
/// two API processes sharing one database.
/// </summary>
[RunsLong(40)]
public sealed class PaymentConcurrencyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public async Task Six_simultaneous_payments_of_one_balance_take_it_exactly_once(int gatewayLatencyMs)
    {
        await using var api = new RestaurantApi();
        api.Settings["Payments:SimulatedLatency"] = TimeSpan.FromMilliseconds(gatewayLatencyMs).ToString();
        string[] cards = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"];
        for (var round = 0; round < 5; round++)
        {
            var table = await BilledAsync(api, "sixpay", Item("burger", diner: "A"), Item("fries", diner: "B"), Item("soda", diner: "C"));
            using var start = new ManualResetEventSlim();
            var phones = Enumerable.Range(0, 6).Select(phone => Task.Run(async () =>
            {
                var client = api.WithToken(table.Token);
                start.Wait();
                return await table.PayAsync(client, 16.00m, Card(6.00m, cards[phone % 3]), Card(10.00m, cards[(phone + 1) % 3]));
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(phones);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                var problem = await refused.ReadJsonAsync();
                Assert.Contains(problem["code"].Text(), new[] { "total_exceeds_balance", "order_paid" });
            }
            var order = await table.GetAsync();
            Assert.Equal("paid", order["status"].Text());
            Assert.Equal(2, order["payments"]!.AsArray().Count);
            Assert.Equal(16.00m, order["bill"]!["paid"].Money());
        }
    }

    [Fact]
    public async Task Six_phones_on_two_api_processes_paying_one_balance_take_it_exactly_once()
    {
        using var database = TestDatabase.CreateNew();
        var settings = new Dictionary<string, string?> { ["Payments:SimulatedLatency"] = "00:00:00.100" };
        await using (var first = await ApiProcess.StartAsync(database, settings))
        {
            await using var second = await ApiProcess.StartAsync(database, settings);
            ApiProcess[] nodes = [first, second];
            for (var round = 0; round < 5; round++)
            {
                using var anonymous = ContractHandler.Client(first.Address);
                using var staff = first.Client(RestaurantApi.StaffKey);
                var table = Tables.Unique("twopay");
                var code = await Floor.SetUpAsync(staff, table);
                var created = await (await anonymous.PostAsJsonAsync("/orders", new { table, code })).ReadOkJsonAsync(HttpStatusCode.Created);
                var (orderId, token) = (created["id"].Text(), created["accessToken"].Text());
                using var waiter = first.Client(token);
                await (await waiter.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { Item("burger"), Item("fries"), Item("soda") } })).ReadOkJsonAsync();
                await (await waiter.PostAsync($"/orders/{orderId}/submit", null)).ReadOkJsonAsync(HttpStatusCode.Created);
                await (await waiter.PostAsync($"/orders/{orderId}/bill", null)).ReadOkJsonAsync();

                using var start = new ManualResetEventSlim();
                var phones = Enumerable.Range(0, 6).Select(phone => Task.Run(async () =>
                {
                    using var client = nodes[phone % 2].Client(token);
                    start.Wait();
                    return await client.PostAsJsonAsync($"/payments/{orderId}",
                        new { orderId, total = 16.00m, payments = new[] { Card(10.00m), Card(6.00m, "pm_card_amex") } });
                })).ToList();
                start.Set();
                var responses = await Task.WhenAll(phones);

                Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
                Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
                var order = await (await second.Client(token).GetAsync($"/orders/{orderId}")).ReadOkJsonAsync();
                Assert.Equal("paid", order["status"].Text());
                Assert.Equal(2, order["payments"]!.AsArray().Count);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public async Task Diners_paying_their_own_shares_at_once_pay_the_order_exactly_once(int gatewayLatencyMs)
    {
        await using var api = new RestaurantApi();
        api.Settings["Payments:SimulatedLatency"] = TimeSpan.FromMilliseconds(gatewayLatencyMs).ToString();
        for (var round = 0; round < 3; round++)
        {
            var table = await BilledAsync(api, "shares",
                Item("burger", diner: "Ann"), Item("fries", diner: "Ann"), Item("salad", diner: "Bob"), Item("cake", diner: "Cy"), Item("tea", diner: "Di"));
            var shares = (await table.GetAsync())["bill"]!["shares"]!.AsArray().ToDictionary(s => s!["diner"].Text(), s => s!["amount"].Money());
            // Bob's card is declined: the others stand, and his share stays to pay.
            var cards = new Dictionary<string, string> { ["Ann"] = "pm_card_visa", ["Bob"] = "pm_card_visa_chargeDeclined", ["Cy"] = "pm_card_amex", ["Di"] = "pm_card_mastercard" };
            using var start = new ManualResetEventSlim();
            var phones = shares.Select(share => Task.Run(async () =>
            {
                var client = api.WithToken(table.Token);
                start.Wait();
                return await client.PostAsJsonAsync($"/payments/{table.OrderId}", new
                {
                    orderId = table.OrderId, total = share.Value,
                    payments = new[] { new { amount = share.Value, paymentMethod = "credit_card", cardToken = cards[share.Key], diner = share.Key } },
                });
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(phones);

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var order = await table.GetAsync();
            Assert.Equal("partially_paid", order["paymentStatus"].Text());
            Assert.Equal(shares["Bob"], order["balance"].Money());
            var paidByShare = order["bill"]!["shares"]!.AsArray().ToDictionary(s => s!["diner"].Text(), s => s!["paid"].Money());
            Assert.Equal(new Dictionary<string, decimal> { ["Ann"] = shares["Ann"], ["Bob"] = 0m, ["Cy"] = shares["Cy"], ["Di"] = shares["Di"] }, paidByShare);

            var rest = await (await table.PayAsync(shares["Bob"], new { amount = shares["Bob"], paymentMethod = "credit_card", cardToken = "pm_card_visa", diner = "Bob" })).ReadOkJsonAsync();
            Assert.Equal("paid", rest["status"].Text());
            Assert.Equal(shares["Bob"], (await table.GetAsync())["bill"]!["shares"]!.AsArray().Single(s => s!["diner"].Text() == "Bob")!["paid"].Money());
        }
    }

    [Fact]
    public async Task Diners_on_two_api_processes_paying_parts_at_once_never_pay_more_than_the_bill()
    {
        using var database = TestDatabase.CreateNew();
        var settings = new Dictionary<string, string?> { ["Payments:SimulatedLatency"] = "00:00:00.100" };
        await using var first = await ApiProcess.StartAsync(database, settings);
        await using var second = await ApiProcess.StartAsync(database, settings);
        ApiProcess[] nodes = [first, second];
        using var staff = first.Client(RestaurantApi.StaffKey);
        for (var round = 0; round < 3; round++)
        {
            var table = Tables.Unique("twopart");
            var code = await Floor.SetUpAsync(staff, table);
            using var anonymous = ContractHandler.Client(second.Address);
            var created = await (await anonymous.PostAsJsonAsync("/orders", new { table, code })).ReadOkJsonAsync(HttpStatusCode.Created);
            var (orderId, token) = (created["id"].Text(), created["accessToken"].Text());
            await (await staff.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { Item("burger"), Item("fries"), Item("soda"), Item("cake") } })).ReadOkJsonAsync();
            await (await staff.PostAsync($"/orders/{orderId}/submit", null)).ReadOkJsonAsync(HttpStatusCode.Created);
            var total = (await (await staff.PostAsync($"/orders/{orderId}/bill", null)).ReadOkJsonAsync())["total"].Money();

            // Eight phones each pay a third of the bill at once: at most three can, and together they pay it exactly.
            var third = Math.Round(total / 3, 2);
            var parts = new[] { third, third, total - 2 * third };
            using var start = new ManualResetEventSlim();
            var phones = Enumerable.Range(0, 8).Select(phone => Task.Run(async () =>
            {
                using var client = nodes[phone % 2].Client(token);
                start.Wait();
                var amount = parts[phone % 3];
                return await client.PostAsJsonAsync($"/payments/{orderId}", new { orderId, total = amount, payments = new[] { Card(amount) } });
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(phones);

            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                Assert.Contains((await refused.ReadJsonAsync())["code"].Text(), new[] { "total_exceeds_balance", "order_paid" });
            var order = await (await second.Client(token).GetAsync($"/orders/{orderId}")).ReadOkJsonAsync();
            var succeeded = order["payments"]!.AsArray().Where(p => p!["status"].Text() == "succeeded").Sum(p => p!["amount"].Money());
            Assert.True(succeeded <= total, $"paid {succeeded} of {total}");
            Assert.Equal(total - succeeded, order["balance"].Money());
            Assert.Equal(succeeded == total ? "paid" : "billed", order["status"].Text());
            if (order["status"].Text() == "billed")
                await (await second.Client(token).PostAsJsonAsync($"/payments/{orderId}",
                    new { orderId, total = total - succeeded, payments = new[] { Card(total - succeeded) } })).ReadOkJsonAsync();
            Assert.Equal("paid", (await (await first.Client(token).GetAsync($"/orders/{orderId}")).ReadOkJsonAsync())["status"].Text());
        }
    }
}
