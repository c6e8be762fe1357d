using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

public sealed class SmokeTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task The_seed_story_bills_at_twenty()
    {
        var table = await TableSession.OpenAsync(fixture.Api, "smoke-1");
        var added = await table.AddAsync(TableSession.Item("salad", diner: "John"), TableSession.Item("juice", diner: "John"),
            TableSession.Item("omelet", diner: "Jane"), TableSession.Item("coffee", diner: "Derek"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync()).StatusCode);
        var bill = await (await table.BillAsync()).ReadJsonAsync();
        Assert.Equal(20.00m, bill["total"].Money());
        Assert.Equal(24.00m, bill["subtotal"].Money());
    }
}
