using System.Net;
using System.Net.Http.Headers;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>A phone that holds the order's current version is told so with a 304 instead of the whole order.</summary>
public sealed class OrderETagTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task The_order_carries_its_version_as_its_ETag()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("etag"));
        var response = await session.Client.GetAsync($"/orders/{session.OrderId}");
        var version = (await response.ReadJsonAsync())["version"]!.GetValue<long>();
        Assert.Equal($"\"{version}\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_current_If_None_Match_gets_304_with_no_body()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("etag304"));
        var etag = (await session.Client.GetAsync($"/orders/{session.OrderId}")).Headers.ETag!;

        var response = await Conditional(session, etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task After_a_change_the_old_ETag_gets_the_new_order()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("etag200"));
        var etag = (await session.Client.GetAsync($"/orders/{session.OrderId}")).Headers.ETag!;
        await session.AddAsync(TableSession.Item("tea"));

        var response = await Conditional(session, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Single((await response.ReadJsonAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task If_None_Match_on_an_unknown_order_is_404()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders/nosuchorder");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await fixture.Api.Staff().SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    private static Task<HttpResponseMessage> Conditional(TableSession session, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{session.OrderId}");
        request.Headers.IfNoneMatch.Add(etag);
        return session.Client.SendAsync(request);
    }
}
