using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Six phones pay one balance at the same moment: exactly one call takes it, the others are told why not; on one
/// API, and on two API processes sharing one database.
/// </summary>
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
                Assert.Contains(problem["code"].Text(), new[] { "payment_in_progress", "total_mismatch", "order_paid" });
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
                var created = await (await anonymous.PostAsJsonAsync("/orders", new { table = Tables.Unique("twopay") })).ReadOkJsonAsync(HttpStatusCode.Created);
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
}
