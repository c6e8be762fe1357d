using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using DomainMenu = Restaurant.Domain.Menus.Menu;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public static class ChangeItems
{
    public const int MaxEntries = 100;

    public sealed record Body(IReadOnlyList<Addition>? Add, IReadOnlyList<string>? Remove);

    public sealed record Addition(string? MenuItemId, int? Quantity, string? Diner, string? Note);

    /// <summary>Adds and removes lines in one step: all of it applies or none of it.</summary>
    /// <param name="CallerDiner">The name on the caller's token: the diner of the lines they add without one.</param>
    public sealed record Command(string OrderId, IReadOnlyList<Addition> Add, IReadOnlyList<string> Remove, string? CallerDiner = null)
        : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Add.Count + c.Remove.Count).GreaterThan(0).OverridePropertyName("add")
                .WithMessage("Send at least one line to add or remove.");
            RuleFor(c => c.Add.Count).LessThanOrEqualTo(MaxEntries).OverridePropertyName("add")
                .WithMessage($"At most {MaxEntries} lines can be added at once.");
            RuleFor(c => c.Remove.Count).LessThanOrEqualTo(MaxEntries).OverridePropertyName("remove")
                .WithMessage($"At most {MaxEntries} lines can be removed at once.");
            RuleForEach(c => c.Add).NotNull().WithMessage("Each line to add is an object.").ChildRules(addition =>
            {
                addition.RuleFor(a => a.MenuItemId).NotEmpty().MaximumLength(DomainMenu.MaxIdLength).CleanText();
                addition.RuleFor(a => a.Quantity).NotNull().InclusiveBetween(1, Quantity.Max);
                addition.RuleFor(a => a.Diner).MaximumLength(Order.MaxDinerLength).CleanText();
                addition.RuleFor(a => a.Note).MaximumLength(Order.MaxNoteLength).CleanText();
            });
            RuleForEach(c => c.Remove).NotEmpty().MaximumLength(64).CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, MenuCache menus, TimeProvider clock, RestaurantTelemetry telemetry) : IRequestHandler<Command, OrderView>
    {
        public async Task<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var menu = command.Add.Count == 0 ? null : menus.MenuOf(await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken));
            // Looked up here, before the order changes: the aggregate gets finished lines, not a sequence that would
            // throw the menu's refusals from inside its own change.
            var additions = command.Add.Select(a => new NewLine(menu!.ItemToOrder(a.MenuItemId!), new Quantity(a.Quantity!.Value),
                Blank(a.Diner) ?? Blank(command.CallerDiner), Blank(a.Note))).ToList();
            var added = order.ChangeItems(additions, command.Remove, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(OrderEvents.ItemsChanged(order, added, command.Remove));
            telemetry.ItemsAdded(command.Add.Sum(a => a.Quantity!.Value));
            return OrderView.From(order);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
