using Restaurant.Api.Features.Events;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class BillOrder
{
    /// <summary>Closes the order and prices it once, with the bundles of the menu in effect now.</summary>
    public sealed record Command(string OrderId) : ISteppedCommand<BillView>;

    /// <summary>
    /// Pricing can take a while, so it holds nothing that other writers wait on: the bill is priced from a snapshot of
    /// the order, outside any transaction (a caller who hangs up cancels it), and then frozen in a short command
    /// transaction that checks that the order and the menu version are still what was priced. If either changed meanwhile (a late
    /// addition was refused nothing: it got in first), the bill is priced again from a fresh read.
    /// </summary>
    public sealed class Handler(RestaurantDbContext db, MenuCache menus, BillPricer pricer, TimeProvider clock, RestaurantTelemetry telemetry) : IRequestHandler<Command, BillView>
    {
        public async Task<BillView> Handle(Command command, CancellationToken cancellationToken)
        {
            while (true)
            {
                Domain.Orders.Order snapshot;
                StoredMenu menu;
                await using (await db.BeginSnapshotAsync(cancellationToken))
                {
                    snapshot = await db.LoadOrderAsync(command.OrderId, cancellationToken);
                    if (snapshot.Bill is not null) return BillView.From(snapshot);
                    menu = await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken);
                }
                db.ChangeTracker.Clear();
                var priced = await telemetry.PriceBillAsync(() => pricer.PriceAsync(snapshot, menus.MenuOf(menu), menu.Version, cancellationToken));

                // The freeze is quick and must not be left half-done by a caller who hangs up now.
                var frozen = await db.InCommandTransactionAsync(async () =>
                {
                    var order = await db.LoadOrderForChangeAsync(command.OrderId, CancellationToken.None);
                    if (order.Bill is null)
                    {
                        var current = await db.CurrentMenuAsync(clock.GetUtcNow(), CancellationToken.None);
                        if (order.Version != priced.OrderVersion || current.Version != menu.Version)
                            return null;
                        order.CloseWithBill(priced, clock.GetUtcNow());
                        await db.SaveChangesAsync(CancellationToken.None);
                        db.RecordEvent(OrderEvents.Billed(order));
                        db.RecordEvent(OrderEvents.StatusChanged(order));
                    }
                    return BillView.From(order);
                }, CancellationToken.None);
                if (frozen is not null) return frozen;
                db.ChangeTracker.Clear();
            }
        }
    }
}
