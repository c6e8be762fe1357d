using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class GetOrder
{
    public sealed record Query(string OrderId) : IRequest<OrderView>;

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, OrderView>
    {
        public async Task<OrderView> Handle(Query query, CancellationToken cancellationToken)
        {
            var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Tickets)
                .SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken)
                ?? throw ApiProblem.OrderNotFound(query.OrderId);
            return OrderView.From(order);
        }
    }
}
