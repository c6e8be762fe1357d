using Restaurant.Api.Features.Events;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The data of each event type (the records of Features/Events/EventPayloads.cs, as the streams send them): every field is always
/// present (nullable ones as null), and <c>type</c> is the one type the schema describes, so that a client tells the
/// types apart by it.
/// </summary>
public static class EventShapes
{
    /// <summary>Each event type with the record its data is, in the order of an order's life (<see cref="EventTypes.Order"/>).</summary>
    public static readonly IReadOnlyList<(string Type, Type Data)> DataOf =
    [
        (EventTypes.OrderOpened, typeof(OrderOpenedData)),
        (EventTypes.DinerJoined, typeof(DinerJoinedData)),
        (EventTypes.ItemsChanged, typeof(ItemsChangedData)),
        (EventTypes.Ticket, typeof(TicketData)),
        (EventTypes.LineStatus, typeof(LineStatusData)),
        (EventTypes.Void, typeof(VoidData)),
        (EventTypes.Comp, typeof(CompData)),
        (EventTypes.Discount, typeof(DiscountData)),
        (EventTypes.Bill, typeof(BillData)),
        (EventTypes.Payment, typeof(PaymentData)),
        (EventTypes.Refund, typeof(RefundData)),
        (EventTypes.OrderStatus, typeof(OrderStatusData)),
    ];

    public static void Register(SchemaShapes shapes) => shapes
        .For<OrderOpenedData>(e => Common(e, EventTypes.OrderOpened, "POST /orders opened the order.")
            .Field("guests", f => f.Between(1, Order.MaxGuests))
            .Field("status", f => f.OneOf(ResponseShapes.OrderStatuses)))
        .For<DinerJoinedData>(e => Common(e, EventTypes.DinerJoined, "A diner joined the open order with the table's code.")
            .Field("diner", f => f.Describe("The name the diner gave, if any.")))
        .For<ItemsChangedData>(e => Common(e, EventTypes.ItemsChanged, "Lines were added to or removed from the order.")
            .Field("added", f => f.Describe("The lines added, as the order shows them."))
            .Field("removed", f => f.Describe("The ids of the lines removed.")))
        .For<TicketData>(e => Common(e, EventTypes.Ticket,
                "A ticket went to the kitchen: an order ticket (submit, fire) or a void ticket (a void). Also on the kitchen's stream, " +
                "where `?station=` keeps only that station's lines.")
            .Field("sequence", f => f.AtLeast(1).Describe("The ticket's place in GET /kitchen/tickets.")))
        .For<LineStatusData>(e => Common(e, EventTypes.LineStatus, "The kitchen moved lines of a ticket. Also on the kitchen's stream.")
            .Field("sequence", f => f.AtLeast(1).Describe("The ticket's place in GET /kitchen/tickets."))
            .Field("ticket", f => f.AtLeast(1).Describe("The ticket's number within the order."))
            .Field("lines", f => f.Describe("The lines moved, as they are now.")))
        .For<VoidData>(e => Common(e, EventTypes.Void,
                "Staff voided lines; `ticket` is the void ticket that tells the kitchen to stop them, `bill` where the bill stands now " +
                "(null before the order is billed).")
            .Field("sequence", f => f.AtLeast(1).Describe("The void ticket's place in GET /kitchen/tickets.")))
        .For<CompData>(e => Common(e, EventTypes.Comp, "Staff comped lines; `bill` is where the bill stands now (null before the order is billed).")
            .Field("lines", f => f.Describe("The lines comped, as they are now.")))
        .For<DiscountData>(e => Common(e, EventTypes.Discount,
                "A discount was added or removed, or the service charge was set; `discount` is the discount added (else null).")
            .Field("action", f => f.OneOf("added", "removed", "service_charge"))
            .Field("discountId", f => f.Describe("The discount added or removed; null for `service_charge`."))
            .Field("discounts", f => f.Describe("The order's discounts in force after the change."))
            .Field("serviceChargeRate", f => f.Between(0, ServiceChargeRule.MaxRate)
                .Describe("The order's own service charge rate after the change; null: the menu's rule applies.")))
        .For<BillData>(e => Money(Common(e, EventTypes.Bill, "The order was billed."))
            .Field("currency", f => f.Text(3, 3, RequestShapes.CurrencyPattern))
            .Field("total", f => f.Money()))
        .For<PaymentData>(e => Money(Common(e, EventTypes.Payment, "A payment step wrote or settled tenders."))
            .Field("results", f => f.Describe("The tenders this step wrote or settled."))
            .Field("paymentStatus", f => f.OneOf(ResponseShapes.PaymentStatuses)))
        .For<RefundData>(e => Money(Common(e, EventTypes.Refund, "A refund was written (pending), or its gateway's outcome came."))
            .Field("paymentStatus", f => f.OneOf(ResponseShapes.PaymentStatuses)))
        .For<OrderStatusData>(e => Common(e, EventTypes.OrderStatus, "The order was billed, paid, cancelled or swept as abandoned.")
            .Field("status", f => f.OneOf(ResponseShapes.OrderStatuses))
            .Field("paymentStatus", f => f.OneOf(ResponseShapes.PaymentStatuses)))
        .For<BillTotals>(bill => bill.RequireAll()
            .Describe("Where the bill stands after a change that moves money.")
            .Field("currency", f => f.Text(3, 3, RequestShapes.CurrencyPattern))
            .Field("total", f => f.Money())
            .Field("paid", f => f.Money())
            .Field("balance", f => f.Money()));

    /// <summary>The fields every event's data starts with.</summary>
    private static TypeShape Common(TypeShape data, string type, string when) => data.RequireAll()
        .Describe($"The data of the `{type}` event. {when}")
        .Field("type", f => f.OneOf(type).Describe("The event's type (what its `event:` line says)."))
        .Field("orderId", f => f.Describe("The order the event is about."))
        .Field("version", f => f.AtLeast(1).Describe("The order's version after the change."))
        .Field("at", f => f.Describe("When the change committed."));

    private static TypeShape Money(TypeShape data) => data
        .Field("paid", f => f.Money().Describe("What succeeded tenders have paid of the bill."))
        .Field("balance", f => f.Money().Describe("What is left to pay."));
}
