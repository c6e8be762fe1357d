using FluentValidation;
using MediatR;
using Restaurant.Api.Features.Events;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;
using DomainMenu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Features.Orders;

public static class ChangeItems
{
    public const int MaxEntries = 100;

    public sealed record Body(IReadOnlyList<Addition>? Add, IReadOnlyList<string>? Remove);

    /// <summary>
    /// A line to add: <see cref="Options"/> are option ids of the item's groups, <see cref="Course"/> overrides the
    /// item's course, and <see cref="Hold"/> (staff only) keeps the line back until it is fired.
    /// </summary>
    public sealed record Addition(string? MenuItemId, int? Quantity, string? Diner, string? Note, IReadOnlyList<string?>? Options = null,
        int? Course = null, bool? Hold = null);

    /// <summary>Adds and removes lines in one step: all of it applies or none of it.</summary>
    /// <param name="CallerDiner">The name on the caller's token: the diner of the lines they add without one.</param>
    /// <param name="ByStaff">Whether staff sent it: only staff may hold a line back.</param>
    /// <param name="Minimal">Whether the caller asked for the minimal answer (<c>Prefer: return=minimal</c>) instead of the whole order.</param>
    public sealed record Command(string OrderId, IReadOnlyList<Addition> Add, IReadOnlyList<string> Remove, string? CallerDiner = null,
        bool ByStaff = false, bool Minimal = false) : ICommand<Result>;

    /// <summary>The whole order, or (when the caller asked for it) only what the change did: exactly one of them.</summary>
    public sealed record Result(OrderView? Order, ItemsChangedView? Change);

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
                addition.RuleFor(a => a.Options!.Count).LessThanOrEqualTo(MenuItem.MaxOptionGroups * OptionGroup.MaxOptions)
                    .OverridePropertyName("options").When(a => a.Options is not null)
                    .WithMessage("Too many options for one line.");
                addition.RuleForEach(a => a.Options).NotEmpty().MaximumLength(DomainMenu.MaxIdLength).CleanText();
                addition.RuleFor(a => a.Course).Must(c => c is null || MenuItem.IsValidCourse(c.Value))
                    .WithMessage($"A course is 1 to {MenuItem.MaxCourse}.");
            });
            RuleForEach(c => c.Remove).NotEmpty().MaximumLength(64).CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, MenuCache menus, TimeProvider clock, RestaurantTelemetry telemetry) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!command.ByStaff && command.Add.Any(a => a.Hold == true))
                throw new ApiProblem(StatusCodes.Status403Forbidden, "forbidden", "Only staff may hold a line back from the kitchen.");
            // The order's row and the lines to remove, nothing else: the change needs no other line (Order.ChangeItems).
            var order = await db.LoadOrderForItemChangeAsync(command.OrderId, command.Remove, cancellationToken);
            var menu = command.Add.Count == 0 ? null : await menus.CurrentAsync(db, clock.GetUtcNow(), cancellationToken);
            // Looked up here, before the order changes: the aggregate gets finished lines.
            var additions = command.Add.Select((a, index) =>
            {
                var item = menu!.ItemToOrder(a.MenuItemId!);
                return new NewLine(item, new Quantity(a.Quantity!.Value), Blank(a.Diner) ?? Blank(command.CallerDiner), Blank(a.Note))
                {
                    Options = ChooseOptions(item, a.Options, index),
                    Course = a.Course,
                    Hold = a.Hold ?? false,
                };
            }).ToList();
            // The order holds just the lines named for removal: ChangeItems removes every one of them or refuses.
            var removed = order.Lines.ToList();
            var added = order.ChangeItems(additions, command.Remove, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(OrderEvents.ItemsChanged(order, added, command.Remove));
            telemetry.ItemsAdded(command.Add.Sum(a => a.Quantity!.Value));
            if (command.Minimal)
                return new Result(null, new ItemsChangedView(order.Id, order.Version, added.Select(LineView.From).ToList(),
                    removed.Select(l => l.Id).ToList(), order.Units, order.PendingCount));
            // The whole order, read as it now is, in the command's transaction (untracked: nothing more is written).
            return new Result(OrderView.From(await db.ReadOrderAsync(command.OrderId, cancellationToken)), null);
        }

        /// <summary>The item's choice of options, or its refusal naming the line's options field.</summary>
        private static IReadOnlyList<ChosenOption> ChooseOptions(MenuItem item, IReadOnlyList<string?>? optionIds, int index)
        {
            try
            {
                return item.ChooseOptions(optionIds?.Select(id => id!).ToList() ?? []);
            }
            catch (DomainException refusal)
            {
                throw new DomainException(refusal.Code, refusal.Message) { Facts = refusal.Facts, Field = $"add[{index}].options" };
            }
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
