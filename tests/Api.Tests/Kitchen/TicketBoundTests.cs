using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Kitchen;

/// <summary>
/// GET /kitchen/tickets never lists a ticket ahead of a write begun before it (the kitchen would page past that write's
/// tickets), yet a read waits a moment for such a write rather than leave a ticket whose submit was answered to the
/// next poll (GetTickets.cs).
/// </summary>
public sealed class TicketBoundTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_ticket_is_listed_only_once_a_write_begun_before_it_has_ended()
    {
        var table = await OpenAsync(Api, Tables.Unique("behind"));
        await (await table.AddAsync(Item("soup"))).ReadOkJsonAsync();
        Task<HttpResponseMessage> submitting;
        await using (await Api.Database.BeginWriteAsync())
        {
            // PostgreSQL: the submit commits, numbered after the write in flight. SQLite: it waits for the write lock.
            submitting = table.SubmitAsync();
            await Task.WhenAny(submitting, Task.Delay(TimeSpan.FromMilliseconds(500)));

            Assert.DoesNotContain(await KitchenTicketsAsync(Api), t => t["orderId"].Text() == table.OrderId);
        }
        await (await submitting).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Single(await KitchenTicketsAsync(Api), t => t["orderId"].Text() == table.OrderId);
    }

    [Fact]
    public async Task A_read_begun_while_an_earlier_write_is_in_flight_lists_a_submitted_ticket_once_that_write_ends()
    {
        var table = await OpenAsync(Api, Tables.Unique("soon"));
        await (await table.AddAsync(Item("tea"))).ReadOkJsonAsync();
        // On SQLite no write can be in flight while another commits (each waits for the write lock), so there the read
        // simply lists the ticket; on PostgreSQL the submit commits first and its ticket waits behind the earlier write.
        var earlier = TestDatabase.IsPostgres ? await Api.Database.BeginWriteAsync() : null;
        await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created);

        var reading = KitchenTicketsAsync(Api);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        if (earlier is not null) await earlier.DisposeAsync();

        Assert.Single(await reading, t => t["orderId"].Text() == table.OrderId);
    }
}
