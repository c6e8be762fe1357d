using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Features.Events;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Events;

/// <summary>
/// The OpenAPI document describes the streams as clients read them: one schema per event type, and every event a
/// stream delivers matches the schema of its type (checked with the same JSON Schema evaluation as every answer).
/// </summary>
public sealed class EventSchemaTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task Every_event_type_has_a_schema_of_its_data_named_by_its_type()
    {
        var schemas = (await OpenApiDocument.ReadAsync(Api))["components"]!["schemas"]!.AsObject();

        var byType = schemas.Where(s => s.Value!["properties"]?["type"]?["enum"] is JsonArray { Count: 1 } types && types[0]!.GetValueKind() == JsonValueKind.String)
            .GroupBy(s => s.Value!["properties"]!["type"]!["enum"]![0].Text())
            .ToDictionary(g => g.Key, g => g.Select(s => s.Key).ToList());

        Assert.All(EventTypes.Order.Concat(EventTypes.Kitchen), type =>
        {
            Assert.True(byType.TryGetValue(type, out var names), $"no schema describes the data of '{type}' events");
            var data = schemas[Assert.Single(names)]!;
            Assert.Contains("type", data["required"]!.AsArray().Select(r => r.Text()));
            Assert.True(data["properties"]!.AsObject().Count > 4, $"the '{type}' schema has only the common fields");
        });
    }

    [Theory]
    [InlineData("/orders/{id}/events", "ServerSentEvent")]
    [InlineData("/kitchen/events", "KitchenServerSentEvent")]
    public async Task Each_stream_answers_text_event_stream_whose_events_are_its_types(string path, string item)
    {
        var document = await OpenApiDocument.ReadAsync(Api);
        var types = path.StartsWith("/kitchen", StringComparison.Ordinal) ? EventTypes.Kitchen : EventTypes.Order;

        var ok = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal("text/event-stream", Assert.Single(ok).Key);
        Assert.Equal($"#/components/schemas/{item}", ok["text/event-stream"]!["schema"]!["$ref"].Text());
        var schema = document["components"]!["schemas"]![item]!;
        Assert.Equal(types, schema["properties"]!["event"]!["enum"]!.AsArray().Select(t => t.Text()));
        var mapping = schema["properties"]!["data"]!["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(types, mapping.Select(m => m.Key));
    }

    [Theory]
    [InlineData("/orders/{id}/events")]
    [InlineData("/kitchen/events")]
    public async Task Each_stream_resumes_by_the_Last_Event_ID_header_or_the_after_parameter(string path)
    {
        var document = await OpenApiDocument.ReadAsync(Api);

        var parameters = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => (p!["in"].Text(), p["name"].Text())).ToList();

        Assert.Contains(("header", "Last-Event-ID"), parameters);
        Assert.Contains(("query", "after"), parameters);
    }

    [Fact]
    public async Task Every_event_an_order_stream_delivers_matches_the_schema_of_its_type()
    {
        var document = await OpenApiDocument.ReadAsync(Api);
        var contract = ApiContract.Of(document);
        var table = await PlayEveryEventAsync("sch-o");

        await using var stream = await EventStream.OpenAsync(table.Client, $"/orders/{table.OrderId}/events");
        var seen = new HashSet<string>();
        while (!seen.IsSupersetOf(EventTypes.Order))
        {
            var next = await stream.NextAsync();
            seen.Add(next.Type);
            AssertMatches(document, contract, next, "ServerSentEvent");
        }
    }

    [Fact]
    public async Task Every_event_the_kitchen_stream_delivers_matches_the_schema_of_its_type()
    {
        var document = await OpenApiDocument.ReadAsync(Api);
        var contract = ApiContract.Of(document);
        await using var stream = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");
        var table = await PlayEveryEventAsync("sch-k");

        var seen = new HashSet<string>();
        while (!seen.IsSupersetOf(EventTypes.Kitchen))
        {
            var next = await stream.NextAsync();
            if (next.Data["orderId"].Text() == table.OrderId) seen.Add(next.Type);
            AssertMatches(document, contract, next, "KitchenServerSentEvent");
        }
    }

    /// <summary>An order that goes through every event type: opened, joined, lines, tickets, kitchen moves, money, paid, refunded.</summary>
    private async Task<TableSession> PlayEveryEventAsync(string prefix)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix), guests: 2, diner: "Ann");
        await table.JoinAsync("Bea");
        await (await table.AddAsync(Item("soup", diner: "Ann"), Item("tea", diner: "Bea"), Item("cake"))).ReadOkJsonAsync();
        var lines = LineIds((await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!);
        var sequence = (await KitchenTicketsAsync(Api)).Of(table, 1)["sequence"]!.GetValue<long>();
        await (await BumpAsync(Api, sequence, "preparing", lines[0])).ReadOkJsonAsync();
        await (await table.VoidAsync("wrong table", Units(lines[1]))).ReadOkJsonAsync();
        await (await table.CompAsync("birthday", lines[2])).ReadOkJsonAsync();
        await (await table.DiscountAsync("percent", 10m)).ReadOkJsonAsync(HttpStatusCode.Created);
        var total = (await (await table.BillAsync()).ReadOkJsonAsync())["total"]!.GetValue<decimal>();
        var paid = await (await table.PayAsync(total, Card(total))).ReadOkJsonAsync();
        await (await table.RefundAsync(paid["results"]![0]!["tenderId"].Text(), 1m)).ReadOkJsonAsync(HttpStatusCode.Created);
        return table;
    }

    /// <summary>
    /// The event's data matches the schema its type maps to in <paramref name="item"/>'s discriminator, and the event as
    /// its lines said it (<c>id:</c>, <c>event:</c>, <c>data:</c>) matches <paramref name="item"/>.
    /// </summary>
    private static void AssertMatches(JsonObject document, ApiContract contract, ReceivedEvent received, string item)
    {
        var mapping = document["components"]!["schemas"]![item]!["properties"]!["data"]!["discriminator"]!["mapping"]!;
        var data = mapping[received.Type].Text().Split('/')[^1];
        AssertNoErrors(contract, data, JsonSerializer.SerializeToElement(received.Data));
        AssertNoErrors(contract, item, JsonSerializer.SerializeToElement(new JsonObject
        {
            ["id"] = received.Id.ToString(CultureInfo.InvariantCulture),
            ["event"] = received.Type,
            ["data"] = received.Data.DeepClone(),
        }));
    }

    private static void AssertNoErrors(ApiContract contract, string schema, JsonElement instance)
    {
        var errors = ContractHandler.Errors(contract.Schema(schema), instance);
        Assert.True(errors.Count == 0, $"an event does not match {schema}:\n  {string.Join("\n  ", errors)}\n  {instance}");
    }
}
