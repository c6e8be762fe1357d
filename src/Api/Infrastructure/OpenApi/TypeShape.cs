using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>The rules of one object type.</summary>
public sealed class TypeShape(OpenApiSchema schema, Type type)
{
    public TypeShape Describe(string description)
    {
        schema.Description = description;
        return this;
    }

    /// <summary>The fields that must be present, and only those (the framework's guess is replaced).</summary>
    public TypeShape Require(params string[] fields)
    {
        foreach (var field in fields) _ = Property(field);
        schema.Required = new HashSet<string>(fields);
        return this;
    }

    /// <summary>Every field is present in every answer (nullable ones as null).</summary>
    public TypeShape RequireAll()
    {
        schema.Required = new HashSet<string>(schema.Properties!.Keys);
        return this;
    }

    /// <summary>A field present only in some answers.</summary>
    public TypeShape Optional(string field)
    {
        schema.Required?.Remove(field);
        return this;
    }

    public TypeShape Field(string name, Action<FieldShape> shape)
    {
        shape(new FieldShape(Property(name)));
        return this;
    }

    private OpenApiSchema Property(string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchema inline
            ? inline
            : throw new InvalidOperationException($"{type.Name} has no inline property '{name}' to shape.");
}
