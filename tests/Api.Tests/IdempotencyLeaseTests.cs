using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests;

/// <summary>
/// A claimed Idempotency-Key holds a short lease that its running request renews: a key whose request died with its
/// process is free again within 10 s (docs/api.md, Idempotency), and a request that runs for longer keeps its key.
/// </summary>
[RunsLong(7)]
public sealed class IdempotencyLeaseTests(ClockedApiFixture fixture) : IClassFixture<ClockedApiFixture>
{
    [Fact]
    public async Task A_key_whose_first_request_died_with_its_process_is_free_again_within_10_seconds()
    {
        var lease = fixture.Api.Services.GetRequiredService<IdempotencyOptions>().Lease;
        var key = Guid.NewGuid().ToString();
        var table = Tables.Unique("died");
        var body = $$"""{"table":"{{table}}","code":"{{await Floor.SetUpAsync(fixture.Api, table)}}"}""";
        // What a process killed right after claiming (or renewing) the key leaves behind; no one renews it any more.
        var claimed = fixture.Clock.GetUtcNow();
        await IdempotencyLeases.PlantOrderLeaseAsync(fixture.Api, key, body, claimed + lease, claimed);
        var inUse = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);
        await inUse.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");

        fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var replay = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await retried.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_request_that_runs_for_many_leases_keeps_its_key_until_it_ends()
    {
        await using var api = new RestaurantApi();
        api.Settings["Idempotency:Lease"] = "00:00:01";
        api.Settings["Idempotency:LeaseRenewal"] = "00:00:00.2";
        // The card takes 6 s to answer: six leases, each renewed while the payment runs.
        api.Settings["Payments:SimulatedLatency"] = "00:00:06";
        var table = await BilledAsync(api, "long", Item("soup"));
        var key = Guid.NewGuid().ToString();
        var body = new { orderId = table.OrderId, total = 6.00m, payments = new[] { Card(6.00m) } };

        var first = table.Client.PostJsonAsync($"/payments/{table.OrderId}", body, key);
        while ((await table.GetAsync())["payments"]!.AsArray().Count == 0) await Task.Delay(50);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var meanwhile = await table.Client.PostJsonAsync($"/payments/{table.OrderId}", body, key);

        await meanwhile.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        var answered = await (await first).ReadOkJsonAsync();
        Assert.Equal("paid", answered["status"].Text());
        var replay = await table.Client.PostJsonAsync($"/payments/{table.OrderId}", body, key);
        Assert.Equal(answered.ToJsonString(), (await replay.ReadOkJsonAsync()).ToJsonString());
        Assert.Single((await table.GetAsync())["payments"]!.AsArray());
    }
}
