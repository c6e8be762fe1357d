using System.Text.Json;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// The events a command records with its change (<see cref="EventRecording.RecordEvent"/>), made from the order as the
/// change left it: its version and the time of the change are the event's.
/// </summary>
public static class OrderEvents
{
    public static PendingEvent Opened(Order order) => Of(order, new OrderOpenedData(EventTypes.OrderOpened, order.Id, order.Version,
        At(order), order.Table, order.Guests, OrderView.StatusName(order.Status)));

    public static PendingEvent Joined(Order order, string? diner) =>
        Of(order, new DinerJoinedData(EventTypes.DinerJoined, order.Id, order.Version, At(order), diner));

    public static PendingEvent ItemsChanged(Order order, IReadOnlyList<OrderLine> added, IEnumerable<string> removed) =>
        Of(order, new ItemsChangedData(EventTypes.ItemsChanged, order.Id, order.Version, At(order),
            added.Select(LineView.From).ToList(), removed.Distinct().ToList()));

    public static PendingEvent TicketSent(Order order, Ticket ticket) =>
        Of(order, new TicketData(EventTypes.Ticket, order.Id, order.Version, At(order), order.Table, ticket.Sequence,
            OrderView.From(order).Tickets.Single(t => t.Number == ticket.Number)), kitchen: true);

    public static PendingEvent Billed(Order order) => Of(order, new BillData(EventTypes.Bill, order.Id, order.Version, At(order),
        order.Bill!.Currency, order.Bill.Total.ToMajor(), order.Paid.ToMajor(), (order.Balance ?? Money.Zero).ToMajor()));

    public static PendingEvent Payment(Order order, string attemptId, IEnumerable<Tender> tenders) =>
        Of(order, new PaymentData(EventTypes.Payment, order.Id, order.Version, At(order), attemptId,
            tenders.OrderBy(t => t.Index).Select(TenderView.From).ToList(), OrderView.PaymentStatusName(order.PaymentStatus),
            order.Paid.ToMajor(), (order.Balance ?? Money.Zero).ToMajor()));

    public static PendingEvent StatusChanged(Order order) => Of(order, new OrderStatusData(EventTypes.OrderStatus, order.Id,
        order.Version, At(order), OrderView.StatusName(order.Status), OrderView.PaymentStatusName(order.PaymentStatus)));

    internal static DateTime At(Order order) => order.LastChangedAt.UtcDateTime;

    internal static PendingEvent Of(Order order, IEventData data, bool kitchen = false) =>
        new(order.Id, data.Type, kitchen, order.LastChangedAt, JsonSerializer.Serialize(data, data.GetType(), JsonSerializerOptions.Web));
}

public static class PaymentEventRecording
{
    /// <summary>A payment step's tenders, and the order's new status when they paid it up.</summary>
    public static void RecordPayment(this RestaurantDbContext db, Order order, string attemptId, IEnumerable<Tender> tenders)
    {
        db.RecordEvent(OrderEvents.Payment(order, attemptId, tenders));
        if (order.Status == OrderStatus.Paid) db.RecordEvent(OrderEvents.StatusChanged(order));
    }
}
