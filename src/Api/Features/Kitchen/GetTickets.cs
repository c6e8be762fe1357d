using System.Diagnostics;
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
        /// <summary>
        /// How long a read waits for the transactions that hold committed tickets back (PostgreSQL). Write transactions
        /// last milliseconds, so a ticket whose submit has been answered is listed by the next read, not one poll later;
        /// a transaction that outlasts this holds its tickets back until a later read. Real time, not the business clock:
        /// what is waited for is the database.
        /// </summary>
        private static readonly TimeSpan HeldBackWait = TimeSpan.FromSeconds(1);

        private static readonly TimeSpan HeldBackPause = TimeSpan.FromMilliseconds(25);

        public async Task<IReadOnlyList<KitchenTicket>> Handle(Query query, CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (await ReadAsync(query, lastTry: waited.Elapsed >= HeldBackWait, cancellationToken) is { } tickets) return tickets;
                await Task.Delay(HeldBackPause, cancellationToken);
            }
        }

        /// <summary>
        /// One page below the bound; null, before the <paramref name="lastTry"/>, when committed tickets above the bound
        /// were held back (the read is made again rather than answer without them).
        /// </summary>
        private async Task<IReadOnlyList<KitchenTicket>?> ReadAsync(Query query, bool lastTry, CancellationToken cancellationToken)
        {
            // One snapshot: the bound, the tickets of the page and the lines on them as of one moment.
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            // A ticket numbered before one still in flight could commit after the kitchen paged past it, so the page ends
            // below the bound; the page is in sequence, so what lies below the bound is a prefix of it.
            var bound = await db.Dialect.KitchenTicketBoundAsync(db, cancellationToken);
            var tickets = db.Tickets.AsNoTracking().Where(t => t.Sequence > query.After);
            if (query.Station is { } station)
                tickets = tickets.Where(t => db.OrderLines.Any(l =>
                    EF.Property<string>(l, "OrderId") == EF.Property<string>(t, "OrderId") && l.Station == station &&
                    (t.Kind == TicketKind.Void ? l.VoidTicketNumber == t.Number : l.TicketNumber == t.Number)));
            var read = await tickets
                .OrderBy(t => t.Sequence)
                .Take(PageSize)
                .Select(t => new { t.Sequence, OrderId = EF.Property<string>(t, "OrderId"), t.Number, t.Kind, t.SubmittedAt })
                .ToListAsync(cancellationToken);
            var page = bound is { } below ? read.TakeWhile(t => t.Sequence < below).ToList() : read;
            if (page.Count < read.Count && !lastTry) return null;
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
