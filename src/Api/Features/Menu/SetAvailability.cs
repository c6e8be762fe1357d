using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Menu;

public static class SetAvailability
{
    public sealed record Body(bool? Available);

    /// <summary>
    /// "86" an item, or one option of an item (<see cref="OptionId"/>), or bring it back, from now on: in the menu
    /// version in effect and in every scheduled version that lists it, so a scheduled menu taking over does not quietly
    /// bring back a dish (or an extra) the kitchen ran out of. Answers the item as it now is.
    /// </summary>
    public sealed record Command(string ItemId, bool? Available, string? OptionId = null) : ICommand<MenuItemView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Available).NotNull().OverridePropertyName("available").WithMessage("Send available: true or false.");
    }

    public sealed class Handler(RestaurantDbContext db, MenuCache menus, TimeProvider clock) : IRequestHandler<Command, MenuItemView>
    {
        public async Task<MenuItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var current = await db.CurrentMenuAsync(now, cancellationToken);
            // The version in effect first, then the scheduled ones in the order they take over.
            var versions = await db.Menus.Where(m => m.Version == current.Version || m.EffectiveFrom > now)
                .OrderBy(m => m.EffectiveFrom).ThenBy(m => m.Version).ToListAsync(cancellationToken);

            var available = command.Available!.Value;
            MenuItem? answer = null;
            foreach (var stored in versions)
            {
                var menu = menus.MenuOf(stored);
                if (menu.Items.FirstOrDefault(i => i.Id == command.ItemId) is not { } item) continue;
                var option = item.OptionGroups.SelectMany(g => g.Options).FirstOrDefault(o => o.Id == command.OptionId);
                if (command.OptionId is not null && option is null) continue;
                if ((option?.Available ?? item.Available) != available)
                {
                    menu = option is null ? menu.WithAvailability(item.Id, available) : menu.WithOptionAvailability(item.Id, option.Id, available);
                    stored.Store(menu);
                    stored.Revision++; // a new ETag for GET /menu
                }
                answer ??= menu.Items.Single(i => i.Id == item.Id);
            }
            if (answer is null)
                throw command.OptionId is null
                    ? new DomainException(DomainErrors.UnknownMenuItem, $"There is no menu item '{command.ItemId}' in the menu in effect or a scheduled one.")
                    : new DomainException(DomainErrors.UnknownOption,
                        $"There is no option '{command.OptionId}' of menu item '{command.ItemId}' in the menu in effect or a scheduled one.");
            await db.SaveChangesAsync(cancellationToken);
            return MenuItemView.From(answer);
        }
    }
}
