using Restaurant.Api.Features.Events;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class RemoveDiscount
{
    /// <summary>Staff take a discount back before the bill; it stays on record with who removed it and when.</summary>
    public sealed record Command(string OrderId, string DiscountId, string By) : ICommand<Unit>;

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            order.RemoveDiscount(command.DiscountId, command.By, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(KitchenAndMoneyEvents.DiscountRemoved(order, command.DiscountId));
            return Unit.Value;
        }
    }
}
