using MediatR;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class GetOrder
{
    public sealed record Query(string OrderId) : IRequest<OrderView>;

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, OrderView>
    {
        public async Task<OrderView> Handle(Query query, CancellationToken cancellationToken)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            return OrderView.From(await db.LoadOrderAsync(query.OrderId, cancellationToken));
        }
    }
}
