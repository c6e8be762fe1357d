using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The health endpoints are health-check middleware, not route handlers, so the framework does not see them; they are
/// part of the contract all the same (load balancers and the tests poll them).
/// </summary>
public sealed class HealthPaths : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= new OpenApiPaths();
        document.Paths["/health/live"] = Path(document, "getLiveness", "Is the server up?",
            "200 `Healthy` while the process serves requests; it checks nothing else.", ready: false);
        document.Paths["/health/ready"] = Path(document, "getReadiness", "Can the server do its work?",
            "200 `Healthy` when the database answers; 503 `Unhealthy` when it does not. Load balancers send traffic only to ready nodes.",
            ready: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string operationId, string summary, string description, bool ready)
    {
        var responses = new OpenApiResponses { ["200"] = Answer("OK: the server is healthy.", "Healthy") };
        if (ready) responses["503"] = Answer("Service Unavailable: the database does not answer.", "Unhealthy");
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = operationId,
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Security = [],
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Answer(string description, string status) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new()
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(status)] },
                Example = JsonValue.Create(status),
            },
        },
    };
}
