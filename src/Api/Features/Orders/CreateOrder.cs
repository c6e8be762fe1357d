using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public static class CreateOrder
{
    public sealed record Command(string? Table, int? Guests) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Table).NotEmpty().Must(Order.IsValidTable)
                .WithMessage($"A table is 1 to {Order.MaxTableLength} letters, digits or '-'.");
            RuleFor(c => c.Guests).InclusiveBetween(1, Order.MaxGuests);
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            // The unique index on open tables backs this check up when two waiters open the same table at once.
            if (await db.Orders.AnyAsync(o => o.Table == command.Table && o.Status != OrderStatus.Paid, cancellationToken))
                throw ApiProblem.Conflict("table_busy", $"Table {command.Table} already has an order that is not paid.");

            var token = Access.NewAccessToken();
            var order = Order.Open(Guid.CreateVersion7().ToString("N"), command.Table!, command.Guests, Access.Hash(token), clock.GetUtcNow());
            db.Orders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            return OrderView.From(order) with { AccessToken = token };
        }
    }
}
