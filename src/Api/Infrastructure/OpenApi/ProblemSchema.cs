using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>The one RFC 9457 problem schema every error answer uses, narrowed per answer to its status and codes.</summary>
public static class ProblemSchema
{
    public const string Name = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    /// <summary>Adds the shared schema to the document once.</summary>
    public static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(Name, Build());
    }

    /// <summary>The shared schema with <c>status</c> and <c>code</c> pinned to what this answer can carry.</summary>
    public static IOpenApiSchema For(OpenApiDocument document, int status, IEnumerable<string> codes)
    {
        Register(document);
        return new OpenApiSchema
        {
            AllOf =
            [
                new OpenApiSchemaReference(Name, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(status)] },
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = codes.Distinct().Select(c => (JsonNode)JsonValue.Create(c)).ToList() },
                    },
                },
            ],
        };
    }

    private static OpenApiSchema Build() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. `code` is stable and is what a client should act on; `title` and `detail` are for people.",
        Required = new HashSet<string> { "type", "title", "status", "detail", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "The HTTP status's section of RFC 9110." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request, in a sentence." },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z]+(_[a-z]+)*$", Description = "The stable problem code (docs/api.md lists them all)." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation problems only: each invalid field (a JSON path such as `add[0].quantity`, or `body`) with its messages.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = 1,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
                },
            },
            ["balance"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number, Format = "decimal", Minimum = "0",
                Description = "`total_exceeds_balance` only: the order's balance now.",
            },
            ["pending"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number, Format = "decimal", Minimum = "0",
                Description = "`total_exceeds_balance` only: what cards still being confirmed hold back of the balance; a call may pay at most balance − pending.",
            },
            ["refundable"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number, Format = "decimal", Minimum = "0",
                Description = "`refund_exceeds_payment` only: what is still left to refund of the tender (what it took less its succeeded and pending refunds).",
            },
            ["orderId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "`table_busy` only: the order that holds the table.",
            },
            ["group"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "`invalid_options` only: the id of the option group whose choice was refused.",
            },
            ["option"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "`unknown_option` and `item_unavailable` (of an option) only: the option's id.",
            },
            ["outcome"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("not_applied"), JsonValue.Create("unknown")],
                Description = "`service_unavailable` only: `not_applied` (nothing changed) or `unknown` (the commit itself failed: read, or repeat with the same Idempotency-Key).",
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id of the request, for the server's logs." },
        },
    };
}
