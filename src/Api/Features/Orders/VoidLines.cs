using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;
using DomainMenu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Features.Orders;

public static class VoidLines
{
    public sealed record Body(IReadOnlyList<Target?>? Lines, string? Reason);

    /// <summary>A line to void; without a quantity, all of its units.</summary>
    public sealed record Target(string? LineId, int? Quantity);

    /// <summary>
    /// Staff void sent lines, with a reason: the units leave the bill and the kitchen gets a void ticket in its one
    /// sequence. <see cref="By"/> is the staff key's non-secret id, kept with the reason and the time.
    /// </summary>
    public sealed record Command(string OrderId, IReadOnlyList<Target?>? Lines, string? Reason, string By) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Lines).NotNull().WithMessage("List the lines to void.");
            RuleFor(c => c.Lines!.Count).InclusiveBetween(1, ChangeItems.MaxEntries).OverridePropertyName("lines")
                .When(c => c.Lines is not null).WithMessage($"Void 1 to {ChangeItems.MaxEntries} lines at once.");
            RuleForEach(c => c.Lines).NotNull().WithMessage("Each line to void is an object.").ChildRules(line =>
            {
                line.RuleFor(l => l!.LineId).NotEmpty().MaximumLength(DomainMenu.MaxIdLength).CleanText();
                line.RuleFor(l => l!.Quantity).InclusiveBetween(1, Quantity.Max);
            });
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= LineAudit.MaxReasonLength)
                .WithMessage($"Give a reason of 1 to {LineAudit.MaxReasonLength} characters.").CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var voidTicket = order.Void(command.Lines!.Select(l => new LineVoid(l!.LineId!, l.Quantity)).ToList(), command.Reason, command.By, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            foreach (var pending in KitchenAndMoneyEvents.Voided(order, voidTicket)) db.RecordEvent(pending);
            return OrderView.From(order);
        }
    }
}
