using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// The events of the kitchen's moves (line status, void) and of the money set on an order (comp, discounts, service
/// charge, refunds), made like <see cref="OrderEvents"/>' from the order as the change left it.
/// </summary>
public static class KitchenAndMoneyEvents
{
    public static PendingEvent LineStatus(Order order, Ticket ticket, IReadOnlyList<OrderLine> moved) =>
        OrderEvents.Of(order, new LineStatusData(EventTypes.LineStatus, order.Id, order.Version, OrderEvents.At(order), order.Table,
            ticket.Sequence, ticket.Number, moved.Select(LineView.From).ToList()), kitchen: true);

    /// <summary>A void's two events: <c>void</c> for the order's screens, and its void ticket for the kitchen's.</summary>
    public static IEnumerable<PendingEvent> Voided(Order order, Ticket voidTicket)
    {
        yield return OrderEvents.Of(order, new VoidData(EventTypes.Void, order.Id, order.Version, OrderEvents.At(order), voidTicket.Sequence,
            TicketView.From(order, voidTicket), Totals(order)));
        yield return OrderEvents.TicketSent(order, voidTicket);
    }

    public static PendingEvent Comped(Order order, IReadOnlyList<string> lineIds) =>
        OrderEvents.Of(order, new CompData(EventTypes.Comp, order.Id, order.Version, OrderEvents.At(order),
            order.Lines.Where(l => lineIds.Contains(l.Id)).Select(LineView.From).ToList(), Totals(order)));

    public static PendingEvent DiscountAdded(Order order, Discount discount) => Discount(order, "added", DiscountView.From(discount), discount.Id);

    public static PendingEvent DiscountRemoved(Order order, string discountId) => Discount(order, "removed", null, discountId);

    public static PendingEvent ServiceChargeSet(Order order) => Discount(order, "service_charge", null, null);

    public static PendingEvent Refunded(Order order, Refund refund) =>
        OrderEvents.Of(order, new RefundData(EventTypes.Refund, order.Id, order.Version, OrderEvents.At(order), RefundView.From(refund),
            OrderView.PaymentStatusName(order.PaymentStatus), order.Paid.ToMajor(), (order.Balance ?? Money.Zero).ToMajor()));

    private static PendingEvent Discount(Order order, string action, DiscountView? discount, string? discountId) =>
        OrderEvents.Of(order, new DiscountData(EventTypes.Discount, order.Id, order.Version, OrderEvents.At(order), action, discount, discountId,
            order.DiscountsInForce.Select(DiscountView.From).ToList(), order.ServiceChargeRate));

    private static BillTotals? Totals(Order order) => order.Bill is null
        ? null
        : new BillTotals(order.Bill.Currency, order.Bill.Total.ToMajor(), order.Paid.ToMajor(), (order.Balance ?? Money.Zero).ToMajor());
}
