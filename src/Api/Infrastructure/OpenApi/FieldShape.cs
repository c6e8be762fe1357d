using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>The rules of one field (or of one item of a list field).</summary>
public sealed class FieldShape(OpenApiSchema schema)
{
    public FieldShape Describe(string description)
    {
        schema.Description = description;
        return this;
    }

    /// <summary>The field may be sent or answered as null.</summary>
    public FieldShape Nullable()
    {
        schema.Type |= JsonSchemaType.Null;
        return this;
    }

    /// <summary>The field is never null (requests: null is refused, or means the same as leaving it out).</summary>
    public FieldShape NotNull()
    {
        if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
        return this;
    }

    public FieldShape Text(int minLength, int maxLength, string? pattern = null)
    {
        schema.MinLength = minLength;
        schema.MaxLength = maxLength;
        schema.Pattern = pattern;
        return this;
    }

    public FieldShape Between(decimal minimum, decimal maximum)
    {
        schema.Minimum = Invariant(minimum);
        schema.Maximum = Invariant(maximum);
        return this;
    }

    public FieldShape AtLeast(decimal minimum)
    {
        schema.Minimum = Invariant(minimum);
        return this;
    }

    /// <summary>An amount of money in the menu's currency, with at most two decimals: above 0, or at least 0.</summary>
    public FieldShape Money(bool positive = false, decimal? maximum = null)
    {
        if (positive) schema.ExclusiveMinimum = "0";
        else schema.Minimum = "0";
        if (maximum is { } max) schema.Maximum = Invariant(max);
        return this;
    }

    public FieldShape OneOf(params string[] values)
    {
        schema.Enum = values.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
        return this;
    }

    public FieldShape Count(int minItems, int maxItems)
    {
        schema.MinItems = minItems;
        schema.MaxItems = maxItems;
        return this;
    }

    public FieldShape Default(JsonNode value)
    {
        schema.Default = value;
        return this;
    }

    public FieldShape Example(JsonNode value)
    {
        schema.Examples = [value];
        return this;
    }

    /// <summary>The rules of each item of a list field.</summary>
    public FieldShape Each(Action<FieldShape> shape)
    {
        shape(new FieldShape(schema.Items as OpenApiSchema ?? throw new InvalidOperationException("Only inline items can be shaped.")));
        return this;
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
