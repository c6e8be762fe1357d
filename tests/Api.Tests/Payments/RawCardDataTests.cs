using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Card numbers, codes and expiry dates are refused wherever they appear in a payment body, and afterwards neither
/// the database files nor any log line (captured at every level, with its scopes) holds them; nor does any log line
/// hold a diner's access token, a table's code, a staff key or an Idempotency-Key.
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
        // appsettings.json quiets the framework's categories; here they speak too (authentication, Kestrel, EF Core).
        _api.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        _api.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
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

    [Fact]
    public async Task After_a_whole_table_no_log_line_holds_its_token_a_staff_key_or_an_idempotency_key()
    {
        var keys = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        var bogusToken = "bogus-" + Guid.NewGuid().ToString("N");
        var table = await OpenAsync(_api, Tables.Unique("secrets"));
        Assert.Equal(HttpStatusCode.OK, (await table.Client.PostJsonAsync($"/orders/{table.OrderId}/items",
            new { add = new[] { Item("cake"), Item("coffee") } }, keys[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await table.Client.PostRawAsync($"/orders/{table.OrderId}/submit", null, keys[1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.Client.PostRawAsync($"/orders/{table.OrderId}/bill", null, keys[2])).StatusCode);
        // Refused callers are logged by the authentication middleware: their tokens must not be.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.WithToken(bogusToken).GetAsync($"/orders/{table.OrderId}")).StatusCode);
        var payment = new { orderId = table.OrderId, total = 8.00m, payments = new[] { Cash(3.00m), Card(5.00m, tip: 0.50m) } };
        var paid = await _api.Staff().PostJsonAsync($"/payments/{table.OrderId}", payment, keys[3]);
        Assert.Equal("paid", (await paid.ReadOkJsonAsync())["status"].Text());
        // A replay answers from the stored response, through its own code path.
        Assert.Equal(HttpStatusCode.OK, (await _api.Staff().PostJsonAsync($"/payments/{table.OrderId}", payment, keys[3])).StatusCode);

        // The scan sees every request's lines: their scopes name the path, with the order's id in it.
        Assert.Contains($"/orders/{table.OrderId}/bill", _logs.Text);
        foreach (var secret in keys.Take(4).Append(table.Token).Append(RestaurantApi.StaffKey).Append(bogusToken))
            Assert.DoesNotContain(secret, _logs.Text);
    }

    [Fact]
    public async Task After_a_table_is_set_up_joined_and_given_a_new_code_no_log_line_holds_a_code_a_diners_token_or_a_staff_key()
    {
        var staff = _api.Staff();
        var name = Tables.Unique("codes");
        var first = await Floor.SetUpAsync(_api, name);
        // Staff read the codes back (the floor, to print them) and change the seats: both answers carry the code.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/tables")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/tables/{name}", new { seats = 6 })).StatusCode);
        var opened = await (await Floor.OpenOrJoinAsync(_api.Anonymous(), name, first, diner: "Ann")).ReadOkJsonAsync(HttpStatusCode.Created);
        var joined = await (await Floor.OpenOrJoinAsync(_api.Anonymous(), name, first, diner: "Bob")).ReadOkJsonAsync();
        // A code that is not the table's is refused and named in no log line either.
        var wrong = first[..^1] + (first[^1] == 'A' ? 'B' : 'A');
        await (await Floor.OpenOrJoinAsync(_api.Anonymous(), name, wrong)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        var rotated = (await (await staff.PostRawAsync($"/tables/{name}/code", null, Guid.NewGuid().ToString())).ReadOkJsonAsync())["code"].Text();
        await (await Floor.OpenOrJoinAsync(_api.Anonymous(), name, first)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        var late = await (await Floor.OpenOrJoinAsync(_api.Anonymous(), name, rotated, diner: "Cy")).ReadOkJsonAsync();
        var orderId = opened["id"].Text();
        string[] tokens = [opened["accessToken"].Text(), joined["accessToken"].Text(), late["accessToken"].Text()];
        foreach (var token in tokens)
            Assert.Equal(HttpStatusCode.OK, (await _api.WithToken(token).PostJsonAsync($"/orders/{orderId}/items", new { add = new[] { Item("cake") } })).StatusCode);
        // A diner's token used on another order is refused: the refusal names the order, not the token.
        var other = await OpenAsync(_api, Tables.Unique("other"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.WithToken(tokens[1]).GetAsync($"/orders/{other.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/orders/{orderId}")).StatusCode);

        Assert.Contains($"/tables/{name}/code", _logs.Text);
        Assert.Contains($"/orders/{orderId}/items", _logs.Text);
        foreach (var secret in tokens.Append(other.Token).Append(first).Append(wrong).Append(rotated).Append(RestaurantApi.StaffKey))
            Assert.DoesNotContain(secret, _logs.Text);
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
