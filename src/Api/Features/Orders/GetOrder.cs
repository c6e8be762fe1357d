using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class GetOrder
{
    public sealed record Query(string OrderId) : IRequest<OrderView>;

    /// <summary>Only the order's version: what a conditional read (If-None-Match) compares, without loading the order.</summary>
    public sealed record VersionQuery(string OrderId) : IRequest<long>;

    /// <summary>
    /// The order's ETag: its version, which every change bumps, so one version always shows the same view. Strong, as
    /// GET /menu's; If-None-Match compares it weakly (a W/ prefix matches too).
    /// </summary>
    public static string ETagOf(long version) => $"\"{version}\"";

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, OrderView>, IRequestHandler<VersionQuery, long>
    {
        public async Task<OrderView> Handle(Query query, CancellationToken cancellationToken)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            return OrderView.From(await db.LoadOrderAsync(query.OrderId, cancellationToken));
        }

        public async Task<long> Handle(VersionQuery query, CancellationToken cancellationToken) =>
            await db.Orders.AsNoTracking().Where(o => o.Id == query.OrderId).Select(o => (long?)o.Version).SingleOrDefaultAsync(cancellationToken)
            ?? throw ApiProblem.OrderNotFound(query.OrderId);
    }
}
