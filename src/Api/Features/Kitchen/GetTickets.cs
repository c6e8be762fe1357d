using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Kitchen;

public static class GetTickets
{
    public const int PageSize = 200;

    /// <summary>Tickets in submission order after the last one the kitchen has seen.</summary>
    public sealed record Query(long After) : IRequest<IReadOnlyList<KitchenTicket>>;

    public sealed record KitchenTicket(long Sequence, string OrderId, string Table, int Number, DateTime SubmittedAt, IReadOnlyList<LineView> Lines);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.After).GreaterThanOrEqualTo(0);
    }

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, IReadOnlyList<KitchenTicket>>
    {
        public async Task<IReadOnlyList<KitchenTicket>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => t.Sequence > query.After)
                .OrderBy(t => t.Sequence)
                .Take(PageSize)
                .Select(t => new { t.Sequence, OrderId = EF.Property<string>(t, "OrderId"), t.Number, t.SubmittedAt })
                .ToListAsync(cancellationToken);
            if (tickets.Count == 0) return [];

            var orderIds = tickets.Select(t => t.OrderId).Distinct().ToList();
            var tables = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Table, cancellationToken);
            var lines = await db.OrderLines.AsNoTracking()
                .Where(l => orderIds.Contains(EF.Property<string>(l, "OrderId")) && l.TicketNumber != null)
                .Select(l => new { OrderId = EF.Property<string>(l, "OrderId"), Line = l })
                .ToListAsync(cancellationToken);
            var linesByTicket = lines.ToLookup(x => (x.OrderId, x.Line.TicketNumber!.Value), x => x.Line);

            return tickets.Select(t => new KitchenTicket(t.Sequence, t.OrderId, tables[t.OrderId], t.Number, t.SubmittedAt.UtcDateTime,
                linesByTicket[(t.OrderId, t.Number)].OrderBy(l => l.Position).Select(LineView.From).ToList())).ToList();
        }
    }
}
