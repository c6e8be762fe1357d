using MediatR;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Receipts;

public static class GetReceipt
{
    public sealed record Query(string OrderId) : IRequest<Receipt>;

    public sealed class Handler(RestaurantDbContext db, MenuCache menus, ReceiptOptions options, TimeProvider clock) : IRequestHandler<Query, Receipt>
    {
        public async Task<Receipt> Handle(Query query, CancellationToken cancellationToken)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            var order = await db.LoadOrderAsync(query.OrderId, cancellationToken);
            // Before the bill, amounts are in the currency of the menu in effect.
            var currency = order.Bill?.Currency ?? menus.MenuOf(await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken)).Currency;
            return Receipt.Of(order, options.RestaurantName, currency);
        }
    }
}
