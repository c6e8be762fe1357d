using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Orders;

public static class SetServiceCharge
{
    public sealed record Body(decimal? Rate);

    /// <summary>Staff set the order's own service charge rate before the bill, overriding the menu's rule; 0 waives it.</summary>
    public sealed record Command(string OrderId, decimal? Rate) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rate).NotNull().Must(rate => rate is null || ServiceChargeRule.IsValidRate(rate.Value))
                .WithMessage(ServiceChargeRule.RateRule);
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            order.SetServiceCharge(command.Rate!.Value, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(KitchenAndMoneyEvents.ServiceChargeSet(order));
            return OrderView.From(order);
        }
    }
}
