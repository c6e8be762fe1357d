using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>Six phones pay one balance at the same moment: exactly one call takes it, the others are told why not.</summary>
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
}
