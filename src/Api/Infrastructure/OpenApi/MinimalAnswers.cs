using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// An endpoint that honours <c>Prefer: return=minimal</c> (<see cref="MinimalAnswerMetadata"/>): the <c>Prefer</c>
/// header, and its 200 as one of two bodies (the usual one, or the minimal one) with <c>Preference-Applied</c> when
/// the minimal one was sent.
/// </summary>
public sealed class MinimalAnswers : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MinimalAnswerMetadata>().FirstOrDefault() is not { } minimal) return;
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok || ok.Content is null
            || !ok.Content.TryGetValue("application/json", out var body))
            throw new InvalidOperationException($"{operation.OperationId} answers minimally but has no JSON 200 to answer otherwise.");

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ReturnPreference.PreferHeader,
            In = ParameterLocation.Header,
            Description = $"`{ReturnPreference.Minimal}` (RFC 7240) asks for the minimal answer instead of the whole resource; " +
                          "other preferences are ignored.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = ReturnPreference.Minimal,
        });

        var name = SchemaNames.Of(minimal.Shape);
        var shape = await context.GetOrCreateSchemaAsync(minimal.Shape, null, cancellationToken);
        ReferToNamedSchemas(shape, minimal.Shape, context.Document!);
        context.Document!.AddComponent(name, shape);
        body.Schema = new OpenApiSchema { OneOf = [body.Schema!, new OpenApiSchemaReference(name, context.Document)] };

        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers[ReturnPreference.AppliedHeader] = new OpenApiHeader
        {
            Description = $"`{ReturnPreference.Minimal}` when the body is the minimal answer; absent with the whole resource.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [ReturnPreference.Minimal] },
        };
    }

    /// <summary>
    /// A schema made on demand has its parts inline; a field whose type (or list element type) the document names
    /// refers to that schema instead, so that it reads (and nulls) exactly as everywhere else.
    /// </summary>
    private static void ReferToNamedSchemas(IOpenApiSchema shape, Type type, OpenApiDocument document)
    {
        foreach (var property in type.GetProperties())
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (shape.Properties is null || !shape.Properties.TryGetValue(field, out var found) || found is not OpenApiSchema schema) continue;
            var element = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : null;
            if (element is not null && SchemaNames.TryOf(element) is { } elementName)
                schema.Items = new OpenApiSchemaReference(elementName, document);
        }
    }
}
