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

/// <summary>Where the bill stands after a change that moves money (null before the order is billed).</summary>
public sealed record BillTotals(string Currency, decimal Total, decimal Paid, decimal Balance);

/// <summary>Lines the kitchen moved on one of its tickets (<c>sequence</c> as in GET /kitchen/tickets), as they are now.</summary>
public sealed record LineStatusData(string Type, string OrderId, long Version, DateTime At, string Table, long Sequence, int Ticket,
    IReadOnlyList<LineView> Lines) : IEventData;

/// <summary>The void ticket the kitchen got (the voided lines; the kitchen's stream has it as a <c>ticket</c> event).</summary>
public sealed record VoidData(string Type, string OrderId, long Version, DateTime At, long Sequence, TicketView Ticket, BillTotals? Bill) : IEventData;

/// <summary>The lines comped, as they are now.</summary>
public sealed record CompData(string Type, string OrderId, long Version, DateTime At, IReadOnlyList<LineView> Lines, BillTotals? Bill) : IEventData;

/// <summary>
/// <c>action</c> <c>added</c> (with <c>discount</c>), <c>removed</c> (with <c>discountId</c>) or <c>service_charge</c>
/// (with <c>serviceChargeRate</c>); the order's discounts and rate after it.
/// </summary>
public sealed record DiscountData(string Type, string OrderId, long Version, DateTime At, string Action, DiscountView? Discount,
    string? DiscountId, IReadOnlyList<DiscountView> Discounts, decimal? ServiceChargeRate) : IEventData;

/// <summary>A refund as it stands (written pending, then its gateway's outcome), and the order's payment after it.</summary>
public sealed record RefundData(string Type, string OrderId, long Version, DateTime At, RefundView Refund, string PaymentStatus,
    decimal Paid, decimal Balance) : IEventData;
