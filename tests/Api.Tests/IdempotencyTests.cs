using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

public sealed class IdempotencyTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task A_repeated_item_post_replays_the_response_and_adds_the_lines_once()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("items"));
        var key = NewKey();
        var body = new { add = new[] { TableSession.Item("salad", diner: "Ed"), TableSession.Item("juice", diner: "Ed") } };

        var first = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);
        var second = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, (await session.GetAsync())["pending"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_replay_is_the_first_response_even_after_the_order_changed()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("stale"));
        var key = NewKey();
        var body = new { add = new[] { TableSession.Item("tea") } };
        var first = await (await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key)).Content.ReadAsStringAsync();
        await session.AddAsync(TableSession.Item("cake"));

        var replay = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first, await replay.Content.ReadAsStringAsync());
        Assert.Equal(["tea", "cake"], (await session.GetAsync())["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_does_nothing()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("reused"));
        var key = NewKey();
        await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea") } }, key);

        var response = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("soda") } }, key);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(["tea"], (await session.GetAsync())["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_422()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("other"));
        var key = NewKey();
        await session.AddAsync(TableSession.Item("tea"));
        var submitted = await session.Client.PostRawAsync($"/orders/{session.OrderId}/submit", null, key);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var billed = await session.Client.PostRawAsync($"/orders/{session.OrderId}/bill", null, key);

        await billed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal("open", (await session.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task A_repeated_order_creation_returns_the_same_order_and_token()
    {
        var table = Tables.Unique("create");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var key = NewKey();
        var anonymous = fixture.Api.Anonymous();

        var first = await anonymous.PostJsonAsync("/orders", new { table, code, guests = 3 }, key);
        var second = await anonymous.PostJsonAsync("/orders", new { table, code, guests = 3 }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var token = (await second.ReadJsonAsync())["accessToken"].Text();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.WithToken(token).GetAsync(second.Headers.Location)).StatusCode);
        var orders = await (await fixture.Api.Staff().GetAsync("/orders")).ReadJsonArrayAsync();
        Assert.Single(orders, o => o!["table"].Text() == table);
    }

    [Fact]
    public async Task A_repeated_submit_makes_one_ticket()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("submit"));
        await session.AddAsync(TableSession.Item("burger"));
        var key = NewKey();

        var first = await session.Client.PostRawAsync($"/orders/{session.OrderId}/submit", null, key);
        await session.AddAsync(TableSession.Item("fries"));
        var second = await session.Client.PostRawAsync($"/orders/{session.OrderId}/submit", null, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var order = await session.GetAsync();
        Assert.Single(order["tickets"]!.AsArray());
        Assert.Single(order["pending"]!.AsArray());
        var next = await session.Client.PostRawAsync($"/orders/{session.OrderId}/submit", null, NewKey());
        Assert.Equal(2, (await next.ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_key_whose_request_failed_can_be_used_again()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("failed"));
        var key = NewKey();

        var failed = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("lobster") } }, key);
        await failed.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_menu_item");
        var invalid = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea", 0) } }, key);
        await invalid.AssertValidationProblemAsync();

        var retried = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("lobster") } }, key);
        await retried.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_menu_item");
        var corrected = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea") } }, key);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Single((await session.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_key_whose_order_creation_failed_can_create_the_order_later()
    {
        var table = Tables.Unique("later");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var key = NewKey();
        var body = $$"""{"table":"{{table}}","code":"{{code}}","guests":0}""";

        await (await fixture.Api.Anonymous().PostRawAsync("/orders", body, key)).AssertValidationProblemAsync();

        var fixedBody = $$"""{"table":"{{table}}","code":"{{code}}","guests":2}""";
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Anonymous().PostRawAsync("/orders", fixedBody, key)).StatusCode);
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("callers"));
        var key = NewKey();
        var body = new { add = new[] { TableSession.Item("coffee") } };

        var byDiner = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);
        var byStaff = await fixture.Api.Staff().PostJsonAsync($"/orders/{session.OrderId}/items", body, key);

        Assert.Equal(HttpStatusCode.OK, byDiner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byStaff.StatusCode);
        Assert.Equal(2, (await session.GetAsync())["pending"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("longkey"));

        var refused = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea") } }, new string('k', 256));
        var fields = await refused.AssertValidationProblemAsync();
        Assert.Contains(fields, f => f.Equals(IdempotencyStore.Header, StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());

        var accepted = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea") } }, new string('k', 255));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_do_the_work_once_and_the_rest_replay_or_get_409()
    {
        const int Racers = 8;
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("samekey"));
        var key = NewKey();
        var note = $"race-{Guid.NewGuid():N}";
        var body = new { add = new[] { TableSession.Item("omelet", diner: "Ann", note: note), TableSession.Item("coffee", diner: "Ann", note: note) } };
        // One connection per racer, opened before the race, so the requests reach the server together.
        var clients = Enumerable.Range(0, Racers).Select(_ => fixture.Api.WithToken(session.Token)).ToList();
        foreach (var client in clients)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/orders/{session.OrderId}")).StatusCode);

        var responses = await Task.WhenAll(clients.Select(client => client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key)));

        var answered = new List<byte[]>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                answered.Add(await response.Content.ReadAsByteArrayAsync());
            }
            else
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        }
        Assert.NotEmpty(answered);
        Assert.All(answered, bytes => Assert.Equal(answered[0], bytes));
        Assert.Equal(2, CountNoted(await session.GetAsync(), note));
        Assert.Equal(2, CountNoted(JsonNode.Parse(answered[0])!.AsObject(), note));

        // Once the race is over, the key replays the one response.
        var after = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(answered[0], await after.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, CountNoted(await session.GetAsync(), note));
    }

    private static int CountNoted(JsonObject order, string note) =>
        order["pending"]!.AsArray().Concat(order["tickets"]!.AsArray().SelectMany(t => t!["lines"]!.AsArray()))
            .Count(line => line!["note"]?.GetValue<string>() == note);

    [Fact]
    public async Task A_key_still_in_use_by_a_running_request_is_409()
    {
        // A request that is still running holds a lease on its key; plant one as that request would have.
        var table = Tables.Unique("inuse");
        var key = NewKey();
        var body = $$"""{"table":"{{table}}","code":"{{await Floor.SetUpAsync(fixture.Api, table)}}"}""";
        await IdempotencyLeases.PlantOrderLeaseAsync(fixture.Api, key, body, DateTimeOffset.UtcNow.AddMinutes(2));

        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Anonymous().PostRawAsync("/orders", body)).StatusCode);
    }

    [Fact]
    public async Task A_key_whose_worker_died_is_taken_over()
    {
        var table = Tables.Unique("died");
        var key = NewKey();
        var body = $$"""{"table":"{{table}}","code":"{{await Floor.SetUpAsync(fixture.Api, table)}}"}""";
        await IdempotencyLeases.PlantOrderLeaseAsync(fixture.Api, key, body, DateTimeOffset.UtcNow.AddMinutes(-1));

        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var replay = await fixture.Api.Anonymous().PostRawAsync("/orders", body, key);
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_expired_key_is_forgotten()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("expired"));
        var key = NewKey();
        await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("tea") } }, key);
        await using (var db = ApiDatabase.Open(fixture.Api))
        {
            var caller = $"order:{session.OrderId}";
            var record = await db.IdempotencyRecords.SingleAsync(r => r.Caller == caller && r.KeyHash == Access.Hash(key));
            record.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var response = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", new { add = new[] { TableSession.Item("soda") } }, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["tea", "soda"], (await session.GetAsync())["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    [Fact]
    public async Task Access_tokens_never_reach_the_database_file_in_plaintext()
    {
        var key = NewKey();
        var table = Tables.Unique("secret");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var created = await fixture.Api.Anonymous().PostJsonAsync("/orders", new { table, code }, key);
        var replayed = await fixture.Api.Anonymous().PostJsonAsync("/orders", new { table, code }, key);
        var plain = await TableSession.OpenAsync(fixture.Api, Tables.Unique("plain"));
        var order = await created.ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(order["accessToken"].Text(), (await replayed.ReadOkJsonAsync(HttpStatusCode.Created))["accessToken"].Text());

        var stored = await fixture.Api.Database.ReadEverythingStoredAsync();

        // The order itself is in the files, so the search below looks where the data is.
        Assert.True(Contains(stored, Encoding.UTF8.GetBytes(order["id"].Text())), "The order id is not in the database files.");
        foreach (var token in new[] { order["accessToken"].Text(), plain.Token })
        {
            Assert.False(Contains(stored, Encoding.UTF8.GetBytes(token)), "An access token is stored in plaintext.");
            Assert.False(Contains(stored, Encoding.Unicode.GetBytes(token)), "An access token is stored in plaintext (UTF-16).");
        }
        Assert.False(Contains(stored, Encoding.UTF8.GetBytes("accessToken")), "A response body holding a token is stored in plaintext.");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
