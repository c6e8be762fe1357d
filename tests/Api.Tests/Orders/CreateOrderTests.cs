using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class CreateOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private readonly HttpClient _anonymous = fixture.Api.Anonymous();

    [Fact]
    public async Task Creates_an_open_order_with_location_and_access_token()
    {
        var table = Tables.Unique("create");
        var code = await Floor.SetUpAsync(fixture.Api, table);

        var response = await _anonymous.PostAsJsonAsync("/orders", new { table, code, guests = 4 });

        var order = await response.ReadOkJsonAsync(HttpStatusCode.Created);
        var id = order["id"].Text();
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.Equal($"/orders/{id}", response.Headers.Location?.OriginalString);
        OrderAssertions.AssertNewOpenOrder(order, table);
        var token = order["accessToken"].Text();
        Assert.True(token.Length >= 32, $"'{token}' is too short to be unguessable.");

        var fetched = await fixture.Api.WithToken(token).GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(id, (await fetched.ReadJsonAsync())["id"].Text());
    }

    [Fact]
    public async Task Guests_are_optional()
    {
        var table = Tables.Unique("noguest");
        var response = await _anonymous.PostAsJsonAsync("/orders", new { table, code = await Floor.SetUpAsync(fixture.Api, table) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Every_order_gets_its_own_id_and_token()
    {
        var first = await TableSession.OpenAsync(fixture.Api, Tables.Unique("own"));
        var second = await TableSession.OpenAsync(fixture.Api, Tables.Unique("own"));

        Assert.NotEqual(first.OrderId, second.OrderId);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("A")]
    [InlineData("patio-3")]
    [InlineData("abcdefghij0123456789")]
    public async Task Accepts_tables_of_1_to_20_letters_digits_or_dashes(string table)
    {
        // The fixed names above are each used by this theory only, once per fixture.
        var response = await _anonymous.PostAsJsonAsync("/orders", new { table, code = await Floor.SetUpAsync(fixture.Api, table) });

        var order = await response.ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(table, order["table"].Text());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghij0123456789x")]
    [InlineData("table 12")]
    [InlineData("12/a")]
    [InlineData("tablé")]
    [InlineData("t_1")]
    [InlineData(" ")]
    public async Task Refuses_a_malformed_table(string table)
    {
        var response = await _anonymous.PostAsJsonAsync("/orders", new { table });

        Assert.Contains("table", await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"table":null}""")]
    [InlineData("""{"guests":2}""")]
    public async Task Refuses_a_missing_table(string body)
    {
        var response = await _anonymous.PostRawAsync("/orders", body);

        Assert.Contains("table", await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Refuses_a_guest_count_below_one(int guests)
    {
        var response = await _anonymous.PostAsJsonAsync("/orders", new { table = Tables.Unique("guests"), guests });

        Assert.Contains("guests", await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task A_table_with_an_unpaid_order_is_busy_for_staff()
    {
        var table = Tables.Unique("busy");
        var first = await TableSession.OpenAsync(fixture.Api, table);

        var second = await fixture.Api.Staff().PostAsJsonAsync("/orders", new { table });

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict, "table_busy");
        Assert.Equal(first.OrderId, problem["orderId"].Text());
        var staffView = await fixture.Api.Staff().GetAsync("/orders?status=open");
        Assert.Single(await staffView.ReadJsonArrayAsync(), o => o!["table"].Text() == table);
        Assert.Equal(first.OrderId, (await first.GetAsync())["id"].Text());
    }

    [Fact]
    public async Task A_billed_table_is_still_busy_until_paid()
    {
        var table = Tables.Unique("billed");
        var session = await TableSession.OpenAsync(fixture.Api, table);
        Assert.Equal(HttpStatusCode.OK, (await session.AddAsync(TableSession.Item("tea"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.BillAsync()).StatusCode);

        var again = await fixture.Api.Staff().PostAsJsonAsync("/orders", new { table });

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "table_busy");
    }

    [Fact]
    public async Task A_refused_table_name_opens_no_order()
    {
        var table = Tables.Unique("refuse");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var refused = await _anonymous.PostAsJsonAsync("/orders", new { table, code, guests = 0 });
        await refused.AssertValidationProblemAsync();

        var accepted = await _anonymous.PostAsJsonAsync("/orders", new { table, code });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
