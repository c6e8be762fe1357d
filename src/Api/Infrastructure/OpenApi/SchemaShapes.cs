using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// What the C# types cannot tell the framework: which fields a request must carry (the records take every field as
/// nullable so that validators can name a missing one), bounds, patterns, enumerations and descriptions. Each rule is
/// written once per type (<see cref="RequestShapes"/>, <see cref="ResponseShapes"/>, <see cref="EventShapes"/>) from the domain's constants.
/// </summary>
public sealed class SchemaShapes : IOpenApiSchemaTransformer
{
    private readonly Dictionary<Type, Action<TypeShape>> _shapes = [];

    public SchemaShapes()
    {
        RequestShapes.Register(this);
        ResponseShapes.Register(this);
        EventShapes.Register(this);
    }

    public SchemaShapes For<T>(Action<TypeShape> shape)
    {
        _shapes.Add(typeof(T), shape);
        return this;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (_shapes.TryGetValue(context.JsonTypeInfo.Type, out var shape)) shape(new TypeShape(schema, context.JsonTypeInfo.Type));
        return Task.CompletedTask;
    }
}
