using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Kitchen;

public sealed class GetTicketsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private readonly HttpClient _staff = fixture.Api.Staff();

    [Fact]
    public async Task Lists_tickets_in_submission_order_with_table_and_lines()
    {
        var tableA = Tables.Unique("a");
        var tableB = Tables.Unique("b");
        var a = await TableSession.OpenAsync(fixture.Api, tableA);
        var b = await TableSession.OpenAsync(fixture.Api, tableB);
        await a.AddAsync(TableSession.Item("burger", diner: "Al", note: "no onions"), TableSession.Item("fries", diner: "Al"));
        var a1 = await SubmitAsync(a);
        await b.AddAsync(TableSession.Item("soup", 2));
        var b1 = await SubmitAsync(b);
        await a.AddAsync(TableSession.Item("cake"));
        var a2 = await SubmitAsync(a);

        var tickets = await AllTicketsAsync();

        var ours = tickets.Where(t => t!["orderId"].Text() == a.OrderId || t!["orderId"].Text() == b.OrderId).ToList();
        Assert.Equal(
            [(a.OrderId, tableA, 1), (b.OrderId, tableB, 1), (a.OrderId, tableA, 2)],
            ours.Select(t => (t!["orderId"].Text(), t["table"].Text(), t["number"]!.GetValue<int>())));
        var sequences = tickets.Select(t => t!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        foreach (var (listed, submitted) in ours.Zip([a1, b1, a2]))
        {
            Assert.Equal(submitted["submittedAt"].Text(), listed!["submittedAt"].Text());
            Assert.True(JsonNode.DeepEquals(submitted["lines"], listed["lines"]), $"{submitted["lines"]} != {listed["lines"]}");
        }
        var firstLine = ours[0]!["lines"]![0]!;
        Assert.Equal("Burger", firstLine["name"].Text());
        Assert.Equal("Al", firstLine["diner"].Text());
        Assert.Equal("no onions", firstLine["note"].Text());
        Assert.Equal(2, ours[1]!["lines"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_returns_only_later_tickets()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("after"));
        await session.AddAsync(TableSession.Item("tea"));
        await SubmitAsync(session);
        var all = await AllTicketsAsync();
        var first = all.Single(t => t!["orderId"].Text() == session.OrderId)!["sequence"]!.GetValue<long>();
        await session.AddAsync(TableSession.Item("soda"));
        await SubmitAsync(session);
        await session.AddAsync(TableSession.Item("juice"));
        await SubmitAsync(session);

        var later = await (await _staff.GetAsync($"/kitchen/tickets?after={first}")).ReadJsonArrayAsync();

        Assert.All(later, t => Assert.True(t!["sequence"]!.GetValue<long>() > first));
        Assert.Equal([2, 3], later.Where(t => t!["orderId"].Text() == session.OrderId).Select(t => t!["number"]!.GetValue<int>()));
        var last = later.Max(t => t!["sequence"]!.GetValue<long>());
        Assert.Empty(await (await _staff.GetAsync($"/kitchen/tickets?after={last}")).ReadJsonArrayAsync());
        Assert.Equal(all.Count + 2, (await AllTicketsAsync(after: 0)).Count);
    }

    [Fact]
    public async Task An_empty_submit_makes_no_ticket()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("empty"));

        Assert.Equal(HttpStatusCode.OK, (await session.SubmitAsync()).StatusCode);

        var tickets = await AllTicketsAsync();
        Assert.DoesNotContain(tickets, t => t!["orderId"].Text() == session.OrderId);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_malformed_after_is_a_validation_failure(string after)
    {
        var response = await _staff.GetAsync($"/kitchen/tickets?after={after}");

        Assert.Contains("after", await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Is_for_staff_only()
    {
        var diner = await TableSession.OpenAsync(fixture.Api, Tables.Unique("diner"));

        await (await diner.Client.GetAsync("/kitchen/tickets")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.Api.Anonymous().GetAsync("/kitchen/tickets")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Answers_at_most_200_tickets_and_after_pages_through_the_rest()
    {
        var before = (await AllTicketsAsync()).Select(t => t!["sequence"]!.GetValue<long>()).DefaultIfEmpty(0).Max();
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("page"));
        // 201 submissions over HTTP would take long (each reloads the growing order), so store the tickets directly.
        await using (var db = fixture.Api.Database.OpenContext())
        {
            // SQLite keeps instants as UTC ticks, PostgreSQL as timestamptz.
            object submittedAt = TestDatabase.IsPostgres ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.UtcTicks;
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 201)
                INSERT INTO "Tickets" ("Number", "Kind", "SubmittedAt", "OrderId") SELECT x, 'Order', {submittedAt}, {session.OrderId} FROM n ORDER BY x
                """);
            Assert.Equal(201, inserted);
        }

        var page = await (await _staff.GetAsync($"/kitchen/tickets?after={before}")).ReadJsonArrayAsync();
        var lastOnPage = page[^1]!["sequence"]!.GetValue<long>();
        var rest = await (await _staff.GetAsync($"/kitchen/tickets?after={lastOnPage}")).ReadJsonArrayAsync();

        Assert.Equal(200, page.Count);
        Assert.Equal(Enumerable.Range(1, 200), page.Select(t => t!["number"]!.GetValue<int>()));
        Assert.All(page, t => Assert.Equal(session.OrderId, t!["orderId"].Text()));
        Assert.Equal(201, Assert.Single(rest)!["number"]!.GetValue<int>());
    }

    /// <summary>Every ticket after <paramref name="after"/>, read the way a kitchen screen does: page by page.</summary>
    private async Task<List<JsonNode?>> AllTicketsAsync(long after = 0)
    {
        var all = new List<JsonNode?>();
        while (true)
        {
            var page = await (await _staff.GetAsync($"/kitchen/tickets?after={after}")).ReadJsonArrayAsync();
            if (page.Count == 0) return all;
            all.AddRange(page.Select(t => t?.DeepClone()));
            after = page[^1]!["sequence"]!.GetValue<long>();
        }
    }

    private static async Task<JsonNode> SubmitAsync(TableSession session) =>
        (await (await session.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
}
