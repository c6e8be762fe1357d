using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Shared;

namespace Restaurant.Api.Features.Events;

// The data of each event type: the common fields (type, orderId, version after the change, at), then what a screen
// needs to update without reading the order again. Small records, one file: together they are the streams' vocabulary.

/// <summary>What every event's data starts with.</summary>
public interface IEventData
{
    string Type { get; }
    string OrderId { get; }
    long Version { get; }
    DateTime At { get; }
}

public sealed record OrderOpenedData(string Type, string OrderId, long Version, DateTime At, string Table, int? Guests, string Status) : IEventData;

public sealed record DinerJoinedData(string Type, string OrderId, long Version, DateTime At, string? Diner) : IEventData;

/// <summary>The lines added (as the order shows them) and the ids of the lines removed.</summary>
public sealed record ItemsChangedData(string Type, string OrderId, long Version, DateTime At, IReadOnlyList<LineView> Added, IReadOnlyList<string> Removed) : IEventData;

/// <summary>A ticket the kitchen got: <c>sequence</c> is its place in GET /kitchen/tickets.</summary>
public sealed record TicketData(string Type, string OrderId, long Version, DateTime At, string Table, long Sequence, TicketView Ticket) : IEventData;

public sealed record BillData(string Type, string OrderId, long Version, DateTime At, string Currency, decimal Total, decimal Paid, decimal Balance) : IEventData;

/// <summary>The tenders this step wrote or settled (<c>results</c>), and where the order stands after them.</summary>
public sealed record PaymentData(string Type, string OrderId, long Version, DateTime At, string AttemptId, IReadOnlyList<TenderView> Results,
    string PaymentStatus, decimal Paid, decimal Balance) : IEventData;

public sealed record OrderStatusData(string Type, string OrderId, long Version, DateTime At, string Status, string PaymentStatus) : IEventData;
