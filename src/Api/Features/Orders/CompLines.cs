using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;
using DomainMenu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Features.Orders;

public static class CompLines
{
    public sealed record Body(IReadOnlyList<string?>? Lines, string? Reason);

    /// <summary>
    /// Staff comp lines, with a reason: they stay on their tickets and on the bill at zero, and fill no bundle.
    /// <see cref="By"/> is the staff key's non-secret id, kept with the reason and the time.
    /// </summary>
    public sealed record Command(string OrderId, IReadOnlyList<string?>? Lines, string? Reason, string By) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Lines).NotNull().WithMessage("List the lines to comp.");
            RuleFor(c => c.Lines!.Count).InclusiveBetween(1, ChangeItems.MaxEntries).OverridePropertyName("lines")
                .When(c => c.Lines is not null).WithMessage($"Comp 1 to {ChangeItems.MaxEntries} lines at once.");
            RuleForEach(c => c.Lines).NotEmpty().MaximumLength(DomainMenu.MaxIdLength).CleanText();
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= LineAudit.MaxReasonLength)
                .WithMessage($"Give a reason of 1 to {LineAudit.MaxReasonLength} characters.").CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var lineIds = command.Lines!.Select(id => id!).ToList();
            order.Comp(lineIds, command.Reason, command.By, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(KitchenAndMoneyEvents.Comped(order, lineIds));
            return OrderView.From(order);
        }
    }
}
