using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public static class ListOrders
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>Staff's overview, newest first; <see cref="Limit"/> keeps a years-long history from coming back whole.</summary>
    public sealed record Query(string? Status, int? Limit) : IRequest<IReadOnlyList<Summary>>;

    public sealed record Summary(string Id, string Table, string Status, string PaymentStatus, DateTime CreatedAt, int PendingCount, int TicketCount,
        decimal? Balance);

    /// <summary>The statuses as the order view writes them; another case is not one of them (docs/api.md, Conventions).</summary>
    private static readonly IReadOnlyDictionary<string, OrderStatus> StatusNames =
        Enum.GetValues<OrderStatus>().ToDictionary(OrderView.StatusName, StringComparer.Ordinal);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || StatusNames.ContainsKey(s))
                .WithMessage($"Status is {string.Join(", ", StatusNames.Keys)}, in lower case.");
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        }
    }

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, IReadOnlyList<Summary>>
    {
        public async Task<IReadOnlyList<Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var orders = db.Orders.AsNoTracking();
            if (query.Status is not null)
            {
                var status = StatusNames[query.Status];
                orders = orders.Where(o => o.Status == status);
            }
            var rows = await orders
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                .Take(query.Limit ?? DefaultLimit)
                .Select(o => new
                {
                    o.Id, o.Table, o.Status, o.CreatedAt, o.Bill, o.Paid,
                    PendingCount = o.Lines.Count(l => l.Status == LineStatus.Pending),
                    TicketCount = o.Tickets.Count(),
                })
                .ToListAsync(cancellationToken);
            return rows.Select(o => new Summary(o.Id, o.Table, OrderView.StatusName(o.Status),
                OrderView.PaymentStatusName(Order.PaymentStatusOf(o.Status, o.Paid)), o.CreatedAt.UtcDateTime,
                o.PendingCount, o.TicketCount, o.Bill?.BalanceAfter(o.Paid).ToMajor())).ToList();
        }
    }
}
