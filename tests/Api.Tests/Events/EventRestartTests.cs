using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>A stream outlives the process that served it: the client resumes on the restarted API with what it missed.</summary>
public sealed class EventRestartTests
{
    [Fact]
    public async Task A_stream_resumes_exactly_on_a_restarted_api()
    {
        using var database = TestDatabase.CreateNew();
        // Disposed however the test ends: a failure before Kill must not leave the process running.
        await using var first = await ApiProcess.StartAsync(database, new Dictionary<string, string?>());
        var staff = first.Client(RestaurantApi.StaffKey);
        var table = Tables.Unique("restart");
        await Floor.SetUpAsync(staff, table);
        var opened = await (await staff.PostAsJsonAsync("/orders", new { table })).ReadOkJsonAsync(System.Net.HttpStatusCode.Created);
        var orderId = opened["id"].Text();
        long seen;
        await using (var stream = await EventStream.OpenAsync(staff, $"/orders/{orderId}/events"))
        {
            await staff.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { TableSession.Item("tea") } });
            await stream.NextOfTypeAsync("order_opened");
            seen = (await stream.NextAsync()).Id;
        }
        await staff.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { TableSession.Item("coffee") } });
        first.Kill();

        await using var second = await ApiProcess.StartAsync(database, new Dictionary<string, string?>());
        var again = second.Client(RestaurantApi.StaffKey);
        await again.PostAsync($"/orders/{orderId}/submit", null);
        await using var resumed = await EventStream.OpenAsync(again, $"/orders/{orderId}/events", lastEventId: seen);

        var missed = await resumed.TakeAsync(2);
        Assert.Equal(["items_changed", "ticket"], missed.Select(e => e.Type));
        Assert.Equal("coffee", missed[0].Data["added"]![0]!["menuItemId"].Text());
        Assert.True(await resumed.StaysQuietAsync(TimeSpan.FromSeconds(1.5)));
    }
}
