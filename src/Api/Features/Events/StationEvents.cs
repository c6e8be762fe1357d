using System.Text.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// The kitchen stream of one station (<c>?station=</c>): a ticket or line status event with only that station's
/// lines, or nothing when it has none. The log keeps whole events; each stream trims what it sends.
/// </summary>
public static class StationEvents
{
    public static string? Trim(StoredEvent stored, string station)
    {
        var data = JsonNode.Parse(stored.Data)!.AsObject();
        var lines = stored.Type switch
        {
            EventTypes.Ticket => data["ticket"]?["lines"] as JsonArray,
            EventTypes.LineStatus => data["lines"] as JsonArray,
            _ => null,
        };
        if (lines is null) return null;
        foreach (var line in lines.Where(l => l?["station"]?.GetValue<string>() != station).ToList()) lines.Remove(line);
        return lines.Count == 0 ? null : data.ToJsonString(JsonSerializerOptions.Web);
    }
}
