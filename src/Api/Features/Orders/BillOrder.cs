using MediatR;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class BillOrder
{
    /// <summary>Closes the order and prices it once, with the bundles of the menu in effect now.</summary>
    public sealed record Command(string OrderId) : IRequest<BillView>;

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, BillView>
    {
        public async Task<BillView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            if (order.Bill is null)
            {
                var menu = await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken);
                order.CloseWithBill(menu.ToMenu());
                await db.SaveChangesAsync(cancellationToken);
            }
            return BillView.From(order.Id, order.Bill!, order.Paid);
        }
    }
}
