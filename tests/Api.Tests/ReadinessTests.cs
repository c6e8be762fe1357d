using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// /health/ready is 503 while no write can get through (docs/api.md, Health), so a load balancer takes the node out; the
/// lock is held by another connection, as a stuck writer or an operator would hold it.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_503_while_another_connection_holds_the_write_lock_and_200_once_it_is_released()
    {
        await using var api = new RestaurantApi();
        api.Settings["Health:ReadyTimeout"] = "00:00:01";
        var client = api.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (await api.Database.HoldWriteLockAsync())
        {
            var stuck = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, stuck.StatusCode);
            Assert.Equal("Unhealthy", await stuck.Content.ReadAsStringAsync());
            // The process itself is alive; only its writes are stuck.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        var released = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("Healthy", await released.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_readiness_probes_and_a_command_all_get_through()
    {
        await using var api = new RestaurantApi();
        var client = api.Anonymous();
        var table = await TableSession.OpenAsync(api, Tables.Unique("ready"));

        // Each probe takes the write lock in turn and lets it go at once: none of them fails another, or the command.
        var probes = Enumerable.Range(0, 20).Select(_ => client.GetAsync("/health/ready")).ToList();
        var added = await table.AddAsync(TableSession.Item("tea"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.All(await Task.WhenAll(probes), probe => Assert.Equal(HttpStatusCode.OK, probe.StatusCode));
        Assert.Single((await table.GetAsync())["pending"]!.AsArray());
    }
}
