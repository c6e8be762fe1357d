using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Kitchen;

public static class GetTickets
{
    public const int PageSize = 200;

    /// <summary>
    /// Tickets (order and void tickets alike) in the kitchen's sequence after the last one the kitchen has seen; with
    /// <see cref="Station"/>, only that station's lines, and only the tickets that have any, so a station's screen
    /// pages through its own tickets without gaps.
    /// </summary>
    public sealed record Query(long After, string? Station) : IRequest<IReadOnlyList<KitchenTicket>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Station).Must(MenuItem.IsValidStation).When(q => q.Station is not null)
                .WithMessage($"A station is 1 to {MenuItem.MaxStationLength} letters, digits, '-' or '_'.");
        }
    }

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, IReadOnlyList<KitchenTicket>>
    {
        public async Task<IReadOnlyList<KitchenTicket>> Handle(Query query, CancellationToken cancellationToken)
        {
            // One snapshot: the tickets of the page and the lines on them as of one moment.
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            var tickets = db.Tickets.AsNoTracking().Where(t => t.Sequence > query.After);
            // A ticket numbered before one still in flight could commit after the kitchen paged past it.
            if (await db.Dialect.KitchenTicketBoundAsync(db, cancellationToken) is { } bound) tickets = tickets.Where(t => t.Sequence < bound);
            if (query.Station is { } station)
                tickets = tickets.Where(t => db.OrderLines.Any(l =>
                    EF.Property<string>(l, "OrderId") == EF.Property<string>(t, "OrderId") && l.Station == station &&
                    (t.Kind == TicketKind.Void ? l.VoidTicketNumber == t.Number : l.TicketNumber == t.Number)));
            var page = await tickets
                .OrderBy(t => t.Sequence)
                .Take(PageSize)
                .Select(t => new { t.Sequence, OrderId = EF.Property<string>(t, "OrderId"), t.Number, t.Kind, t.SubmittedAt })
                .ToListAsync(cancellationToken);
            if (page.Count == 0) return [];

            var orderIds = page.Select(t => t.OrderId).Distinct().ToList();
            var tables = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Table, cancellationToken);
            var lines = await db.OrderLines.AsNoTracking()
                .Where(l => orderIds.Contains(EF.Property<string>(l, "OrderId")) && l.TicketNumber != null &&
                            (query.Station == null || l.Station == query.Station))
                .Select(l => new { OrderId = EF.Property<string>(l, "OrderId"), Line = l })
                .ToListAsync(cancellationToken);
            var linesByOrder = lines.ToLookup(x => x.OrderId, x => x.Line);

            return page.Select(t => new KitchenTicket(t.Sequence, t.OrderId, tables[t.OrderId], t.Number, LineStatusNames.NameOf(t.Kind),
                t.SubmittedAt.UtcDateTime,
                linesByOrder[t.OrderId].Where(l => l.IsOn(t.Kind, t.Number)).OrderBy(l => l.Position).Select(LineView.From).ToList())).ToList();
        }
    }
}
