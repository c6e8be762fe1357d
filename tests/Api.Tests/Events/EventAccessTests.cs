using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>An order's stream is for its diners and staff; the kitchen's for staff.</summary>
public sealed class EventAccessTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task An_order_stream_without_a_token_is_401()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-anon"));
        var response = await EventStream.RequestAsync(Api.Anonymous(), $"/orders/{session.OrderId}/events");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Another_orders_token_gets_403_on_an_order_stream()
    {
        var mine = await TableSession.OpenAsync(Api, Tables.Unique("ev-mine"));
        var theirs = await TableSession.OpenAsync(Api, Tables.Unique("ev-thrs"));
        var response = await EventStream.RequestAsync(theirs.Client, $"/orders/{mine.OrderId}/events");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_joined_diners_token_follows_the_order()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-jnd"));
        var joined = await session.JoinAsync("Cy");
        await using var stream = await EventStream.OpenAsync(joined.Client, $"/orders/{session.OrderId}/events");
        Assert.Equal("order_opened", (await stream.NextAsync()).Type);
    }

    [Fact]
    public async Task Staff_follow_any_order_but_an_unknown_order_is_404()
    {
        var response = await EventStream.RequestAsync(Api.Staff(), "/orders/nosuchorder/events");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task A_diner_gets_403_on_the_kitchen_stream()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-k403"));
        var response = await EventStream.RequestAsync(session.Client, "/kitchen/events");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_kitchen_stream_without_a_key_is_401()
    {
        var response = await EventStream.RequestAsync(Api.Anonymous(), "/kitchen/events");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_an_event_id_is_a_validation_failure()
    {
        var response = await EventStream.RequestAsync(Api.Staff(), "/kitchen/events", lastEventId: "yesterday");
        Assert.Contains("last-event-id", await response.AssertValidationProblemAsync());
    }
}
