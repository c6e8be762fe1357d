using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The headers of the contract: <c>Idempotency-Key</c> on every POST, <c>Location</c> on every 201, <c>ETag</c> with
/// <c>If-None-Match</c> and 304 where an endpoint is conditional, <c>WWW-Authenticate</c> on 401, <c>Retry-After</c> on 503.
/// </summary>
public sealed class Headers : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.Description;
        operation.Parameters ??= [];
        operation.Responses ??= new OpenApiResponses();
        if (HttpMethods.IsPost(endpoint.HttpMethod ?? "")) operation.Parameters.Add(IdempotencyKey());

        if (endpoint.ActionDescriptor.EndpointMetadata.OfType<ConditionalGetMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The `ETag` of the copy the client holds (or `*`): if it is still current the answer is 304 with no body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            AddHeader(operation, "200", "ETag", "The revision of this answer; send it back in `If-None-Match`.", required: true);
            operation.Responses["304"] = new OpenApiResponse { Description = "Not Modified: the copy named in `If-None-Match` is current." };
            AddHeader(operation, "304", "ETag", "The revision the client already holds.", required: true);
        }
        AddHeader(operation, "201", "Location", "Where the created resource can be read.", required: true, format: "uri-reference");
        AddHeader(operation, "401", "WWW-Authenticate", "`Bearer`: the scheme to authenticate with.", required: true);
        AddHeader(operation, "503", "Retry-After", "Seconds to wait before trying again.", required: true, type: JsonSchemaType.Integer);
        return Task.CompletedTask;
    }

    private static OpenApiParameter IdempotencyKey() => new()
    {
        Name = IdempotencyStore.Header,
        In = ParameterLocation.Header,
        Description = "Makes the POST safe to repeat: a repeat with the same key, caller and body replays the first answer " +
                      "(same status and body) without doing the work again. Use a new random key (a UUID) for new work. " +
                      "Keys are kept 24 hours; a request that failed is not remembered.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyRecord.MaxKeyLength },
        Example = "2f1c0b9e-6a51-4c8e-9a57-0d1f6c3e4b21",
    };

    /// <summary>Adds a header to the operation's answer with that status, if the operation has one.</summary>
    private static void AddHeader(OpenApiOperation operation, string status, string name, string description, bool required,
        string? format = null, JsonSchemaType type = JsonSchemaType.String)
    {
        if (!operation.Responses!.TryGetValue(status, out var found) || found is not OpenApiResponse response) return;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader
        {
            Description = description,
            Required = required,
            Schema = new OpenApiSchema { Type = type, Format = format },
        };
    }
}
