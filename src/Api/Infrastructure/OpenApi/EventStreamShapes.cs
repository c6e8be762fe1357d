using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Restaurant.Api.Features.Events;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The event streams as a client reads them. The framework describes a <c>text/event-stream</c> answer by the C# item
/// it is made of (data as a string, the event type as <c>eventType</c>); here one event of a stream is what its lines
/// say (<c>id:</c>, <c>event:</c>, <c>data:</c>) with its data as the JSON schema of its type, one schema per type made
/// from the records the server serializes (<see cref="EventShapes"/>), and the streams take <c>Last-Event-ID</c>.
/// </summary>
public sealed class EventStreamShapes : IOpenApiDocumentTransformer
{
    public const string MediaType = "text/event-stream";
    /// <summary>One event of an order's stream (any type); the name is the SSE item's (<see cref="SchemaNames"/>).</summary>
    public const string OrderEvent = "ServerSentEvent";
    /// <summary>One event of the kitchen's stream (its types only).</summary>
    public const string KitchenEvent = "KitchenServerSentEvent";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // One per document: a NullabilityInfoContext caches without locks, and two applications (the test suite's
        // servers) may build their documents at once.
        var nullability = new NullabilityInfoContext();
        await AddAsync(document, context, nullability, typeof(BillTotals), cancellationToken);
        foreach (var (_, data) in EventShapes.DataOf) await AddAsync(document, context, nullability, data, cancellationToken);

        document.Components.Schemas[OrderEvent] = Item(document, EventTypes.Order,
            "One event of an order's stream, as its lines say it: `id:`, `event:` and `data:` (one line of JSON, whose " +
            "schema is its type's). Comment lines (`: keep-alive`) are not events.");
        document.Components.Schemas[KitchenEvent] = Item(document, EventTypes.Kitchen,
            "One event of the kitchen's stream (tickets and line moves of every order), as its lines say it: `id:`, `event:` and " +
            "`data:` (one line of JSON, whose schema is its type's). Comment lines (`: keep-alive`) are not events.");

        foreach (var (path, item) in document.Paths ?? [])
        foreach (var (_, operation) in item.Operations ?? [])
        {
            if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok || ok.Content is null || !ok.Content.TryGetValue(MediaType, out var stream))
                continue;
            stream.Schema = new OpenApiSchemaReference(path.StartsWith("/kitchen/", StringComparison.Ordinal) ? KitchenEvent : OrderEvent, document);
            ok.Description = "OK: the stream, open until the client leaves or the server stops (then the client resumes).";
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = EventsApi.LastEventIdHeader,
                In = ParameterLocation.Header,
                Description = "The `id:` of the last event the client has (what a reconnecting `EventSource` sends): the stream " +
                              "starts with exactly the events after it. It wins over `after`; one that is not a number is " +
                              "`400 validation_failed` (field `last-event-id`).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" },
                Example = JsonValue.Create("42"),
            });
        }
    }

    /// <summary>A record's schema as a named component, whose fields of named types refer to those schemas.</summary>
    private static async Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, NullabilityInfoContext nullability,
        Type type, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
        foreach (var property in type.GetProperties())
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (schema.Properties is null || !schema.Properties.TryGetValue(field, out var found) || found is not OpenApiSchema inline) continue;
            var list = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
            var element = list ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (NameOf(element, document) is not { } name) continue;
            var reference = new OpenApiSchemaReference(name, document);
            if (list) inline.Items = reference;
            else if (nullability.Create(property).ReadState == NullabilityState.Nullable)
                schema.Properties[field] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] };
            else schema.Properties[field] = reference;
        }
        document.AddComponent(SchemaNames.Of(type), schema);
    }

    /// <summary>The name of a type the document already has as a component (the views the other answers use), else null.</summary>
    private static string? NameOf(Type type, OpenApiDocument document) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) ? null
        : (SchemaNames.TryOf(type) ?? type.Name) is var name && document.Components!.Schemas!.ContainsKey(name) ? name : null;

    /// <summary>One event of a stream that carries <paramref name="types"/>: its id, its type and its data, by type.</summary>
    private static OpenApiSchema Item(OpenApiDocument document, IReadOnlyList<string> types, string description)
    {
        var data = EventShapes.DataOf.Where(e => types.Contains(e.Type)).ToList();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Required = new HashSet<string> { "id", "event", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Pattern = "^[0-9]+$",
                    Description = "The event's position in the event log: a number that only grows. Send it back as `Last-Event-ID` to resume.",
                },
                ["event"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = types.Select(type => (JsonNode)JsonValue.Create(type)).ToList(),
                    Description = "The event's type; its data's `type` says the same.",
                },
                ["data"] = new OpenApiSchema
                {
                    Description = "The event's data, one line of JSON: the schema of its type.",
                    OneOf = data.Select(e => (IOpenApiSchema)new OpenApiSchemaReference(SchemaNames.Of(e.Data), document)).ToList(),
                    Discriminator = new OpenApiDiscriminator
                    {
                        PropertyName = "type",
                        Mapping = data.ToDictionary(e => e.Type, e => new OpenApiSchemaReference(SchemaNames.Of(e.Data), document)),
                    },
                },
            },
        };
    }
}
