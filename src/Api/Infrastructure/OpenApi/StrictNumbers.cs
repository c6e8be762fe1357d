using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// Numbers are JSON numbers. The framework describes every number as "a number or a numeric string" (the web
/// serializer's lenient reading); the contract refuses numbers sent as strings, so the document says number or
/// integer only. Amounts are decimals: the server never holds money in binary floating point.
/// </summary>
public sealed class StrictNumbers : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Number | JsonSchemaType.Integer;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        var clrType = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (clrType == typeof(decimal)) schema.Format = "decimal";
        return Task.CompletedTask;
    }
}
