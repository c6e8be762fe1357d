using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Menus;
using DomainMenu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Features.Menu;

public static class PutMenu
{
    /// <summary>
    /// Publishes a whole menu as the next version: in effect at once, or from <see cref="EffectiveFrom"/> when that is
    /// in the future. The shape is the one GET /menu returns; its other fields (version) are ignored.
    /// </summary>
    public sealed record Command(
        string? Currency, decimal? TaxRate, IReadOnlyList<Item>? Items, IReadOnlyList<BundleOffer>? Bundles,
        DateTimeOffset? EffectiveFrom, ServiceChargeBody? ServiceCharge = null) : ICommand<Result>;

    /// <summary>The automatic service charge (null or left out: none); <see cref="Taxable"/> defaults to true.</summary>
    public sealed record ServiceChargeBody(decimal? Rate, int? MinGuests, bool? Taxable);

    /// <summary>
    /// <see cref="Available"/> may be left out (a new dish is available), and so may the details after it: no
    /// description, allergens, dietary tags or option groups, station "kitchen", course 1.
    /// </summary>
    public sealed record Item(string? Id, string? Name, string? Category, decimal? Price, bool? Available,
        string? Description = null, IReadOnlyList<string?>? Allergens = null, IReadOnlyList<string?>? Dietary = null,
        string? Station = null, int? Course = null, IReadOnlyList<OptionGroupBody?>? OptionGroups = null);

    public sealed record OptionGroupBody(string? Id, string? Name, int? Min, int? Max, IReadOnlyList<OptionBody?>? Options);

    /// <summary>An option's price (0 or more) is paid on top of the item's; <see cref="Available"/> defaults to true.</summary>
    public sealed record OptionBody(string? Id, string? Name, decimal? Price, bool? Available);

    public sealed record BundleOffer(string? Id, string? Name, decimal? Price, IReadOnlyList<IReadOnlyList<string?>?>? Slots);

    public sealed record Result(int Version, DateTime EffectiveFrom);

    /// <summary>
    /// The menu's shape only: every field present, every price an amount in cents. What a menu may hold (its limits,
    /// its ids, its prices' range) is the domain's <see cref="DomainMenu.Validate"/>, which names each field it refuses.
    /// </summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        private const string AmountRule = "A price is an amount with at most two decimals.";

        public Validator()
        {
            RuleFor(c => c.Currency).NotNull().WithMessage("A menu names its currency, such as USD.");
            RuleFor(c => c.TaxRate).NotNull().WithMessage("A menu has a taxRate; send 0 for none.");
            RuleFor(c => c.Items).NotNull().WithMessage("A menu lists its items.");
            RuleFor(c => c.Bundles).NotNull().WithMessage("A menu lists its bundles; send [] for none.");
            RuleForEach(c => c.Items).NotNull().WithMessage("Each item is an object.").ChildRules(item =>
            {
                item.RuleFor(i => i.Id).NotNull();
                item.RuleFor(i => i.Name).NotNull();
                item.RuleFor(i => i.Category).NotNull();
                item.RuleFor(i => i.Price).NotNull().Must(price => price is null || Money.IsMajorAmount(price.Value)).WithMessage(AmountRule);
                item.RuleForEach(i => i.Allergens).NotNull().WithMessage("An allergen is a code, not null.");
                item.RuleForEach(i => i.Dietary).NotNull().WithMessage("A dietary tag is text, not null.");
                item.RuleForEach(i => i.OptionGroups).NotNull().WithMessage("Each option group is an object.").ChildRules(group =>
                {
                    group.RuleFor(g => g!.Id).NotNull();
                    group.RuleFor(g => g!.Name).NotNull();
                    group.RuleFor(g => g!.Min).NotNull();
                    group.RuleFor(g => g!.Max).NotNull();
                    group.RuleFor(g => g!.Options).NotNull().WithMessage("A group lists its options.");
                    group.RuleForEach(g => g!.Options).NotNull().WithMessage("Each option is an object.").ChildRules(option =>
                    {
                        option.RuleFor(o => o!.Id).NotNull();
                        option.RuleFor(o => o!.Name).NotNull();
                        option.RuleFor(o => o!.Price).NotNull().Must(price => price is null || Money.IsMajorAmount(price.Value))
                            .WithMessage("An option's price is an amount of 0 or more with at most two decimals.");
                    });
                });
            });
            When(c => c.ServiceCharge is not null, () =>
            {
                RuleFor(c => c.ServiceCharge!.Rate).NotNull().OverridePropertyName("serviceCharge.rate").WithMessage(ServiceChargeRule.RateRule);
                RuleFor(c => c.ServiceCharge!.MinGuests).NotNull().OverridePropertyName("serviceCharge.minGuests")
                    .WithMessage("serviceCharge.minGuests is how many guests an order needs for the charge.");
            });
            RuleForEach(c => c.Bundles).NotNull().WithMessage("Each bundle is an object.").ChildRules(bundle =>
            {
                bundle.RuleFor(b => b.Id).NotNull();
                bundle.RuleFor(b => b.Name).NotNull();
                bundle.RuleFor(b => b.Price).NotNull().Must(price => price is null || Money.IsMajorAmount(price.Value)).WithMessage(AmountRule);
                bundle.RuleFor(b => b.Slots).NotNull().WithMessage("A bundle lists its slots.");
                bundle.RuleForEach(b => b.Slots).Must(slot => slot is not null && slot.All(id => id is not null))
                    .WithMessage("A slot is a list of item ids.");
            });
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            // The domain checks everything the shape leaves open, and names each field it refuses.
            var menu = new DomainMenu(command.Currency!, command.TaxRate!.Value,
                command.Items!.Select(ToItem).ToList(),
                command.Bundles!.Select(b => new Bundle(b.Id!, b.Name!, Money.FromMajor(b.Price!.Value),
                    b.Slots!.Select(slot => (IReadOnlyList<string>)slot!.Select(id => id!).ToList()).ToList())).ToList(),
                command.ServiceCharge is { } charge ? new ServiceChargeRule(charge.Rate!.Value, charge.MinGuests!.Value, charge.Taxable ?? true) : null);

            // Versions are the primary key: a publish running at the same time on another node loses the insert and
            // the command transaction runs this again, reading the new maximum.
            var version = (await db.Menus.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
            // The clock is read after the version: the menu in effect is the one that took effect last, so a publish
            // whose clock was read before a concurrent one committed would start "earlier" than the version below it
            // and never be current. Read after, it is later than the start of every version it read.
            var now = clock.GetUtcNow();
            var stored = new StoredMenu
            {
                Version = version,
                EffectiveFrom = command.EffectiveFrom is { } from && from > now ? StoredClock.Truncate(from.ToUniversalTime()) : now,
            };
            stored.Store(menu);
            db.Menus.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(stored.Version, stored.EffectiveFrom.UtcDateTime);
        }

        private static MenuItem ToItem(Item item) => new(item.Id!, item.Name!, item.Category!, Money.FromMajor(item.Price!.Value), item.Available ?? true)
        {
            Description = string.IsNullOrWhiteSpace(item.Description) ? null : item.Description.Trim(),
            Allergens = item.Allergens?.Select(a => a!).ToList() ?? [],
            Dietary = item.Dietary?.Select(t => t!.Trim()).ToList() ?? [],
            Station = item.Station ?? MenuItem.DefaultStation,
            Course = item.Course ?? MenuItem.DefaultCourse,
            OptionGroups = item.OptionGroups?.Select(g => new OptionGroup(g!.Id!, g.Name!, g.Min!.Value, g.Max!.Value,
                g.Options!.Select(o => new MenuOption(o!.Id!, o.Name!, Money.FromMajor(o.Price!.Value), o.Available ?? true)).ToList())).ToList() ?? [],
        };
    }
}
