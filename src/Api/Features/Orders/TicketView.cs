using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

/// <summary>A ticket of one order: the lines it sent (an order ticket) or the lines it voided (a void ticket).</summary>
public sealed record TicketView(int Number, string Kind, DateTime SubmittedAt, IReadOnlyList<LineView> Lines)
{
    public static TicketView From(Order order, Ticket ticket) => new(ticket.Number, LineStatusNames.NameOf(ticket.Kind),
        ticket.SubmittedAt.UtcDateTime, order.LinesOf(ticket).Select(LineView.From).ToList());
}
