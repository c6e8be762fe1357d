using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public static class AddDiscount
{
    public sealed record Body(string? Kind, decimal? Value, string? Reason);

    /// <summary>
    /// Staff give the order a discount before its bill: a percentage or an amount, with a reason. <see cref="By"/> is
    /// the staff key's non-secret id, kept with the reason and the time.
    /// </summary>
    public sealed record Command(string OrderId, string? Kind, decimal? Value, string? Reason, string By) : ICommand<DiscountView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).Must(k => DiscountView.KindOf(k) is not null)
                .WithMessage($"kind is '{DiscountView.Percent}' or '{DiscountView.Amount}'.");
            RuleFor(c => c.Value).NotNull().WithMessage("value is the percentage or the amount.");
            RuleFor(c => c.Value).Must((c, value) => Discount.IsValidValue(DiscountView.KindOf(c.Kind)!.Value, value!.Value))
                .When(c => c.Value is not null && DiscountView.KindOf(c.Kind) is not null)
                .WithMessage(c => Discount.ValueRule(DiscountView.KindOf(c.Kind)!.Value));
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= LineAudit.MaxReasonLength)
                .WithMessage($"Give a reason of 1 to {LineAudit.MaxReasonLength} characters.").CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, DiscountView>
    {
        public async Task<DiscountView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var discount = order.AddDiscount(DiscountView.KindOf(command.Kind)!.Value, command.Value!.Value, command.Reason, command.By,
                clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(KitchenAndMoneyEvents.DiscountAdded(order, discount));
            return DiscountView.From(discount);
        }
    }
}
