using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>
/// Values an entity keeps whole (what a line captured from the menu, who voided it and why): one JSON text column each,
/// read and written with <see cref="StoredJson.Options"/>, on either store.
/// </summary>
public static class JsonColumns
{
    /// <summary>A list kept as a JSON array, compared by its elements so that EF Core sees a replaced list change.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> AsJsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(new JsonConverter<IReadOnlyList<T>>(), new ValueComparer<IReadOnlyList<T>>(
            (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
            list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
            list => list.ToList()));

    /// <summary>A record kept as a JSON object, never null (who gave a discount or a refund, when and why).</summary>
    public static PropertyBuilder<T> AsRequiredJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(new JsonConverter<T>()).IsRequired();

    /// <summary>A record kept as a JSON object, or null.</summary>
    public static PropertyBuilder<T?> AsJson<T>(this PropertyBuilder<T?> property) where T : class =>
        property.HasConversion(new NullableJsonConverter<T>());

    private sealed class JsonConverter<T>() : ValueConverter<T, string>(
        value => JsonSerializer.Serialize(value, StoredJson.Options),
        json => JsonSerializer.Deserialize<T>(json, StoredJson.Options)!)
        where T : class;

    private sealed class NullableJsonConverter<T>() : ValueConverter<T?, string?>(
        value => value == null ? null : JsonSerializer.Serialize(value, StoredJson.Options),
        json => json == null ? null : JsonSerializer.Deserialize<T>(json, StoredJson.Options))
        where T : class;
}
