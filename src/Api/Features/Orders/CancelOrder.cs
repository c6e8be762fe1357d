using Restaurant.Api.Features.Events;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class CancelOrder
{
    /// <summary>
    /// Staff close an order that left nothing on the kitchen's side and took no money (a table that left, an order
    /// opened by mistake): it is cancelled, which frees its table, and refuses every change from then on.
    /// </summary>
    public sealed record Command(string OrderId) : ICommand<OrderView>;

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            order.Cancel(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(OrderEvents.StatusChanged(order));
            return OrderView.From(order);
        }
    }
}
