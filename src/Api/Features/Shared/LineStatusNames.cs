using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>How the API writes a line's status and a ticket's kind, and the statuses the kitchen may move lines to.</summary>
public static class LineStatusNames
{
    public static string NameOf(LineStatus status) => status.ToString().ToLowerInvariant();

    public static string NameOf(TicketKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>What POST /kitchen/tickets/{sequence}/status takes, in lower case only (API.md, Conventions).</summary>
    public static readonly IReadOnlyDictionary<string, LineStatus> KitchenMoves = new Dictionary<string, LineStatus>(StringComparer.Ordinal)
    {
        ["preparing"] = LineStatus.Preparing,
        ["ready"] = LineStatus.Ready,
        ["served"] = LineStatus.Served,
    };
}
