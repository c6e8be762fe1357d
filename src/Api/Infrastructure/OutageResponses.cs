using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Any operation may be answered 503 service_unavailable while the database is (<see cref="DatabaseOutage"/>): the
/// OpenAPI document says so on every operation, with the Retry-After header and the problem's <c>outcome</c>.
/// </summary>
public static class OutageResponses
{
    public static Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses["503"] = new OpenApiResponse
        {
            Description = $"{ProblemCodes.ServiceUnavailable}: the database is briefly unavailable (or too busy). Repeat after Retry-After " +
                "seconds; outcome says whether the request may have changed anything (not_applied, or unknown: repeat it only " +
                "with the same Idempotency-Key, or read first).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before repeating the request.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [ProblemCodes.ServiceUnavailable] },
                            ["outcome"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["not_applied", "unknown"] },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
