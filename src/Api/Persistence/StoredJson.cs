using System.Text.Json;
using System.Text.Json.Serialization;
using Restaurant.Domain;

namespace Restaurant.Api.Persistence;

/// <summary>How documents kept in a column (frozen bills, menus) are written: money as integer minor units.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new MinorUnitsConverter() } };

    private sealed class MinorUnitsConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Minor);
    }
}
