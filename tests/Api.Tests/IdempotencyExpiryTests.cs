using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Idempotency keys expire 24 hours after first use, on a server whose clock the tests move (no rows are planted and
/// nothing waits): just before that a repeat is a replay, just after it the key is new again.
/// </summary>
public sealed class IdempotencyExpiryTests(ClockedApiFixture fixture) : IClassFixture<ClockedApiFixture>
{
    private static readonly TimeSpan JustBefore = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59);
    private static readonly TimeSpan JustAfter = TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_key_replays_until_24_hours_after_first_use_and_then_does_new_work()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("expiry"));
        var key = Guid.NewGuid().ToString();
        var note = $"exp-{Guid.NewGuid():N}";
        var body = new { add = new[] { TableSession.Item("pancakes", diner: "Bo", note: note), TableSession.Item("tea", diner: "Bo", note: note) } };
        var firstUse = fixture.Clock.GetUtcNow();

        var first = await session.Client.PostJsonAsync(Items(session), body, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(2, CountNoted(await session.GetAsync(), note));

        fixture.Clock.Advance(firstUse + JustBefore - fixture.Clock.GetUtcNow());
        var replay = await session.Client.PostJsonAsync(Items(session), body, key);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType, replay.Content.Headers.ContentType);
        Assert.Equal(firstBytes, await replay.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, CountNoted(await session.GetAsync(), note));

        fixture.Clock.Advance(firstUse + JustAfter - fixture.Clock.GetUtcNow());
        var again = await session.Client.PostJsonAsync(Items(session), body, key);

        var view = await again.ReadOkJsonAsync();
        Assert.Equal(4, CountNoted(view, note));
        Assert.Equal(4, CountNoted(await session.GetAsync(), note));
        Assert.NotEqual(firstBytes, await again.Content.ReadAsByteArrayAsync());

        // The key now belongs to that new work: a repeat replays it and adds nothing.
        var replayOfNew = await session.Client.PostJsonAsync(Items(session), body, key);
        Assert.Equal(HttpStatusCode.OK, replayOfNew.StatusCode);
        Assert.Equal(await again.Content.ReadAsByteArrayAsync(), await replayOfNew.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, CountNoted(await session.GetAsync(), note));
    }

    [Fact]
    public async Task An_expired_key_with_another_body_is_new_work_not_422()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("expbody"));
        var key = Guid.NewGuid().ToString();
        var firstNote = $"one-{Guid.NewGuid():N}";
        var otherNote = $"two-{Guid.NewGuid():N}";
        var body = new { add = new[] { TableSession.Item("soup", diner: "Cy", note: firstNote) } };
        var otherBody = new { add = new[] { TableSession.Item("cake", diner: "Cy", note: otherNote) } };
        var firstUse = fixture.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.PostJsonAsync(Items(session), body, key)).StatusCode);

        // Still inside the 24 hours, another body is a reuse of the key.
        fixture.Clock.Advance(firstUse + JustBefore - fixture.Clock.GetUtcNow());
        var reused = await session.Client.PostJsonAsync(Items(session), otherBody, key);
        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        fixture.Clock.Advance(firstUse + JustAfter - fixture.Clock.GetUtcNow());
        var fresh = await session.Client.PostJsonAsync(Items(session), otherBody, key);

        var view = await fresh.ReadOkJsonAsync();
        Assert.Equal(1, CountNoted(view, firstNote));
        Assert.Equal(1, CountNoted(view, otherNote));
        var order = await session.GetAsync();
        Assert.Equal(1, CountNoted(order, firstNote));
        Assert.Equal(1, CountNoted(order, otherNote));
        Assert.Equal(["soup", "cake"], order["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    private static string Items(TableSession session) => $"/orders/{session.OrderId}/items";

    private static int CountNoted(JsonObject order, string note) =>
        order["pending"]!.AsArray().Concat(order["tickets"]!.AsArray().SelectMany(t => t!["lines"]!.AsArray()))
            .Count(line => line!["note"]?.GetValue<string>() == note);
}
