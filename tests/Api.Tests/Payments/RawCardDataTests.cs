using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Card numbers, codes and expiry dates are refused wherever they appear in a payment body, and afterwards neither
/// the database files nor any log line (captured at every level) holds them.
/// </summary>
public sealed class RawCardDataTests : IAsyncLifetime
{
    private const string CardNumber = "4000056655665556";
    private const string SpacedCardNumber = "4000 0566 5566 5556";
    private const string Expiry = "09/31";

    private readonly CapturedLogs _logs = new();
    private readonly RestaurantApi _api;

    public RawCardDataTests()
    {
        _api = new RestaurantApi { TestServices = services => services.AddSingleton<ILoggerProvider>(_logs) };
        _api.Settings["Logging:LogLevel:Default"] = "Trace";
    }

    public static TheoryData<string> BodiesWithCardData() => new()
    {
        """{ "orderId": "{id}", "total": 6.50, "cardNumber": "4000056655665556", "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa" } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardNumber": "4000056655665556", "cvv": "831", "expirationDate": "09/31" } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa", "card": { "cvv": "831" } } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa", "expirationDate": "09/31" } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "card_number": "4000056655665556" } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "4000 0566 5566 5556" } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa", "extra": [ 4000056655665556 ] } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa", "pan": 4000056655665556.0 } ] }""",
        """{ "total": 6.50, "payments": [ { "amount": 4.000056655665556e15, "paymentMethod": "credit_card", "cardToken": "pm_card_visa" } ] }""",
    };

    [Theory]
    [MemberData(nameof(BodiesWithCardData))]
    public async Task Card_data_anywhere_in_the_body_is_refused_and_nothing_is_paid(string body)
    {
        var table = await BilledAsync(_api, "rawcard", Item("cake"));

        var response = await table.Client.PostRawAsync($"/payments/{table.OrderId}", body.Replace("{id}", table.OrderId),
            idempotencyKey: Guid.NewGuid().ToString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "raw_card_data");
        Assert.DoesNotContain(CardNumber, problem.ToJsonString());
        var order = await table.GetAsync();
        Assert.Empty(order["payments"]!.AsArray());
        Assert.Equal(6.50m, order["balance"].Money());
        await using var db = ApiDatabase.Open(_api);
        Assert.Empty(db.IdempotencyRecords);
    }

    [Fact]
    public async Task A_body_with_unreadable_text_is_refused_since_card_data_after_it_could_not_be_checked()
    {
        var table = await BilledAsync(_api, "surrog", Item("cake"));
        var body = $$"""{ "orderId": "{{table.OrderId}}", "note": "\ud800", "cardNumber": "{{CardNumber}}", "total": 6.50, "payments": [ { "amount": 6.50, "paymentMethod": "credit_card", "cardToken": "pm_card_visa" } ] }""";

        var problem = await (await table.Client.PostRawAsync($"/payments/{table.OrderId}", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem["errors"]!["body"] is not null);
        Assert.Empty((await table.GetAsync())["payments"]!.AsArray());
    }

    [Fact]
    public async Task After_card_data_was_sent_neither_the_database_nor_the_logs_hold_it()
    {
        var table = await BilledAsync(_api, "pcilogs", Item("cake"), Item("coffee"));
        foreach (var body in BodiesWithCardData())
        {
            var response = await table.Client.PostRawAsync($"/payments/{table.OrderId}", body.Replace("{id}", table.OrderId));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "raw_card_data");
        }
        // A malformed body with a card number in it is refused too, without being echoed.
        var malformed = await table.Client.PostRawAsync($"/payments/{table.OrderId}", """{ "total": 8.00, "cardNumber": "4000056655665556", """);
        Assert.DoesNotContain(CardNumber, await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        // Then the table pays properly, so the database and the logs hold a real payment.
        Assert.Equal("paid", (await (await table.PayAsync(8.00m, Card(8.00m))).ReadOkJsonAsync())["status"].Text());

        Assert.True(_logs.Count > 0);
        foreach (var secret in new[] { CardNumber, SpacedCardNumber, Expiry })
            Assert.DoesNotContain(secret, _logs.Text);
        // Read while the API runs: what it wrote is in the database (for SQLite, the files, write-ahead log included).
        var stored = await _api.Database.ReadEverythingStoredAsync();
        Assert.NotEmpty(stored);
        foreach (var secret in new[] { CardNumber, SpacedCardNumber, Expiry })
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
