using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Kitchen;

/// <summary>A ticket as the kitchen sees it: where it is in the kitchen's sequence, whose table, and its lines.</summary>
public sealed record KitchenTicket(long Sequence, string OrderId, string Table, int Number, string Kind, DateTime SubmittedAt, IReadOnlyList<LineView> Lines)
{
    public static KitchenTicket From(Order order, Ticket ticket) => new(ticket.Sequence, order.Id, order.Table, ticket.Number,
        LineStatusNames.NameOf(ticket.Kind), ticket.SubmittedAt.UtcDateTime, order.LinesOf(ticket).Select(LineView.From).ToList());
}
