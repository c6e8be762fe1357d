using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Seating;

/// <summary>The floor as staff keep it: GET /tables, PUT /tables/{id}, POST /tables/{id}/code, DELETE /tables/{id}.</summary>
public sealed class TablesTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private HttpClient Staff => fixture.Api.Staff();

    [Fact]
    public async Task A_new_restaurant_has_tables_1_to_12_of_four_seats_each_with_its_own_code()
    {
        var tables = await ListAsync();

        var seeded = tables.Where(t => t["id"].Text().All(char.IsAsciiDigit)).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => n.ToString()), seeded.Select(t => t["id"].Text()));
        Assert.All(seeded, t => Assert.Equal(4, t["seats"]!.GetValue<int>()));
        Assert.All(seeded, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t["code"].Text()));
        Assert.Equal(12, seeded.Select(t => t["code"].Text()).Distinct().Count());
    }

    [Fact]
    public async Task Putting_a_new_table_creates_it_with_a_code_and_putting_it_again_keeps_the_code()
    {
        var id = Tables.Unique("put");

        var created = await (await Staff.PutAsJsonAsync($"/tables/{id}", new { seats = 6 })).ReadOkJsonAsync(HttpStatusCode.Created);
        var updated = await (await Staff.PutAsJsonAsync($"/tables/{id}", new { seats = 2 })).ReadOkJsonAsync();
        var untouched = await (await Staff.PutRawAsync($"/tables/{id}", null)).ReadOkJsonAsync();

        Assert.Equal((id, 6), (created["id"].Text(), created["seats"]!.GetValue<int>()));
        Assert.True(created.ContainsKey("order"));
        Assert.Null(created["order"]);
        Assert.Equal(2, updated["seats"]!.GetValue<int>());
        Assert.Equal(2, untouched["seats"]!.GetValue<int>());
        Assert.Equal(created["code"].Text(), updated["code"].Text());
        Assert.Equal(created["code"].Text(), untouched["code"].Text());
        Assert.Contains(await ListAsync(), t => t["id"].Text() == id && t["seats"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task A_table_created_without_seats_seats_four()
    {
        var created = await (await Staff.PutAsJsonAsync($"/tables/{Tables.Unique("deflt")}", new { })).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(4, created["seats"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("t_1", """{"seats":4}""", "id")]
    [InlineData("abcdefghij0123456789x", """{"seats":4}""", "id")]
    [InlineData("seats-0", """{"seats":0}""", "seats")]
    [InlineData("seats-101", """{"seats":101}""", "seats")]
    [InlineData("seats-str", """{"seats":"4"}""", "seats")]
    public async Task A_malformed_table_is_refused_naming_the_field_and_nothing_is_made(string id, string body, string field)
    {
        var response = await Staff.PutRawAsync($"/tables/{id}", body);

        Assert.Contains(field, await response.AssertValidationProblemAsync());
        Assert.DoesNotContain(await ListAsync(), t => t["id"].Text() == id);
    }

    [Fact]
    public async Task A_new_code_replaces_the_old_one()
    {
        var id = Tables.Unique("rotate");
        var old = await Floor.SetUpAsync(fixture.Api, id);

        var rotated = await (await Staff.PostAsync($"/tables/{id}/code", null)).ReadOkJsonAsync();

        Assert.Equal(id, rotated["id"].Text());
        Assert.NotEqual(old, rotated["code"].Text());
        Assert.Equal(rotated["code"].Text(), (await ListAsync()).Single(t => t["id"].Text() == id)["code"].Text());
    }

    [Fact]
    public async Task The_floor_shows_each_tables_order_and_what_is_left_to_pay()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("floor"));
        var table = (await session.GetAsync())["table"].Text();

        var open = (await ListAsync()).Single(t => t["id"].Text() == table)["order"]!;
        Assert.Equal((session.OrderId, "open"), (open["id"].Text(), open["status"].Text()));
        Assert.Null(open["balance"]);

        await session.AddAsync(TableSession.Item("soup"));
        await session.SubmitAsync();
        await session.BillAsync();
        var billed = (await ListAsync()).Single(t => t["id"].Text() == table)["order"]!;
        Assert.Equal(("billed", 6.00m), (billed["status"].Text(), billed["balance"].Money()));

        await (await session.PayAsync(6.00m, TableSession.Card(6.00m))).ReadOkJsonAsync();
        Assert.Null((await ListAsync()).Single(t => t["id"].Text() == table)["order"]);
    }

    [Fact]
    public async Task A_table_holding_an_order_cannot_be_deleted_until_the_order_is_paid()
    {
        var session = await TableSession.BilledAsync(fixture.Api, "delete", TableSession.Item("tea"));
        var table = (await session.GetAsync())["table"].Text();

        var busy = await Staff.DeleteAsync($"/tables/{table}");

        Assert.Equal(session.OrderId, (await busy.AssertProblemAsync(HttpStatusCode.Conflict, "table_busy"))["orderId"].Text());
        await (await session.PayAsync(2.50m, TableSession.Card(2.50m))).ReadOkJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Staff.DeleteAsync($"/tables/{table}")).StatusCode);
        Assert.DoesNotContain(await ListAsync(), t => t["id"].Text() == table);
        Assert.Equal("paid", (await session.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task An_unknown_table_is_not_found()
    {
        await (await Staff.PostAsync("/tables/no-such-table/code", null)).AssertProblemAsync(HttpStatusCode.NotFound, "table_not_found");
        await (await Staff.DeleteAsync("/tables/no-such-table")).AssertProblemAsync(HttpStatusCode.NotFound, "table_not_found");
    }

    private async Task<List<JsonObject>> ListAsync() =>
        (await (await Staff.GetAsync("/tables")).ReadJsonArrayAsync()).Select(t => t!.AsObject()).ToList();
}
