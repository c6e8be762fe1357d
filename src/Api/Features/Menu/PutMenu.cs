using FluentValidation;
using FluentValidation.Results;
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
    /// <summary>The highest price an item or bundle may have, in major units; it keeps every bill's arithmetic in range.</summary>
    public const decimal MaxPrice = 1_000_000m;

    /// <summary>
    /// Publishes a whole menu as the next version: in effect at once, or from <see cref="EffectiveFrom"/> when that is
    /// in the future. The shape is the one GET /menu returns; its other fields (version) are ignored.
    /// </summary>
    public sealed record Command(
        string? Currency, decimal? TaxRate, IReadOnlyList<Item>? Items, IReadOnlyList<BundleOffer>? Bundles,
        DateTimeOffset? EffectiveFrom) : IRequest<Result>;

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

    public sealed class Validator : AbstractValidator<Command>
    {
        private const string IdRule = "An id is 1 to 64 letters, digits, '-' or '_'.";

        public Validator()
        {
            RuleFor(c => c.Currency).Must(c => c is { Length: 3 } && c.All(char.IsAsciiLetterUpper))
                .WithMessage("The currency is a three-letter upper-case ISO 4217 code, such as USD.");
            RuleFor(c => c.Currency).Must(c => DomainMenu.HasCents(c!)).When(c => c.Currency is not null)
                .WithMessage(c => $"{c.Currency} does not count in hundredths; prices are kept in cents, so the currency must have two decimals.");
            RuleFor(c => c.TaxRate).NotNull().InclusiveBetween(0m, 1m);
            RuleFor(c => c.Items).NotNull().WithMessage("A menu lists its items.");
            RuleFor(c => c.Items!.Count).InclusiveBetween(1, DomainMenu.MaxItems).OverridePropertyName("items")
                .When(c => c.Items is not null).WithMessage($"A menu has 1 to {DomainMenu.MaxItems} items.");
            RuleFor(c => c.Bundles).NotNull().WithMessage("A menu lists its bundles; send [] for none.");
            RuleFor(c => c.Bundles!.Count).LessThanOrEqualTo(DomainMenu.MaxBundles).OverridePropertyName("bundles")
                .When(c => c.Bundles is not null).WithMessage($"A menu has at most {DomainMenu.MaxBundles} bundles.");
            RuleFor(c => c.Bundles).Must(bundles => SlotEntries(bundles!) <= DomainMenu.MaxSlotEntries).When(c => c.Bundles is not null)
                .WithMessage($"The bundles' slots list at most {DomainMenu.MaxSlotEntries} items in all.");
            RuleForEach(c => c.Items).NotNull().WithMessage("Each item is an object.").ChildRules(item =>
            {
                item.RuleFor(i => i.Id).Must(IsId).WithMessage(IdRule);
                item.RuleFor(i => i.Name).NotEmpty().MaximumLength(DomainMenu.MaxNameLength).CleanText();
                item.RuleFor(i => i.Category).NotEmpty().MaximumLength(DomainMenu.MaxNameLength).CleanText();
                item.RuleFor(i => i.Price).Must(IsPrice).WithMessage(PriceRule);
                item.RuleFor(i => i.Description).MaximumLength(MenuItem.MaxDescriptionLength).CleanText();
                item.RuleForEach(i => i.Allergens).Must(AllergenCodes.IsKnown)
                    .WithMessage($"An allergen is one of {string.Join(", ", AllergenCodes.Codes)}.");
                item.RuleFor(i => i.Allergens).Must(Distinct).When(i => i.Allergens is not null).WithMessage("List each allergen once.");
                item.RuleFor(i => i.Dietary!.Count).LessThanOrEqualTo(MenuItem.MaxDietaryTags).OverridePropertyName("dietary")
                    .When(i => i.Dietary is not null).WithMessage($"An item has at most {MenuItem.MaxDietaryTags} dietary tags.");
                item.RuleForEach(i => i.Dietary).NotEmpty().MaximumLength(MenuItem.MaxTagLength).CleanText();
                item.RuleFor(i => i.Dietary).Must(Distinct).When(i => i.Dietary is not null).WithMessage("List each dietary tag once.");
                item.RuleFor(i => i.Station).Must(MenuItem.IsValidStation).When(i => i.Station is not null)
                    .WithMessage($"A station is 1 to {MenuItem.MaxStationLength} letters, digits, '-' or '_'.");
                item.RuleFor(i => i.Course).Must(c => MenuItem.IsValidCourse(c!.Value)).When(i => i.Course is not null)
                    .WithMessage($"A course is 1 to {MenuItem.MaxCourse}.");
                item.RuleFor(i => i.OptionGroups!.Count).LessThanOrEqualTo(MenuItem.MaxOptionGroups).OverridePropertyName("optionGroups")
                    .When(i => i.OptionGroups is not null).WithMessage($"An item has at most {MenuItem.MaxOptionGroups} option groups.");
                item.RuleForEach(i => i.OptionGroups).NotNull().WithMessage("Each option group is an object.").ChildRules(group =>
                {
                    group.RuleFor(g => g!.Id).Must(IsId).WithMessage(IdRule);
                    group.RuleFor(g => g!.Name).NotEmpty().MaximumLength(DomainMenu.MaxNameLength).CleanText();
                    group.RuleFor(g => g!.Min).NotNull().GreaterThanOrEqualTo(0);
                    group.RuleFor(g => g!.Max).NotNull().GreaterThanOrEqualTo(1);
                    group.RuleFor(g => g!.Min).LessThanOrEqualTo(g => g!.Max).When(g => g!.Min is not null && g.Max is not null)
                        .WithMessage("A group's min is at most its max.");
                    group.RuleFor(g => g!.Options).Must(o => o is { Count: >= 1 and <= OptionGroup.MaxOptions })
                        .WithMessage($"A group has 1 to {OptionGroup.MaxOptions} options.");
                    group.RuleFor(g => g!.Min).LessThanOrEqualTo(g => g!.Options!.Count).When(g => g!.Min is not null && g.Options is not null)
                        .WithMessage("A group cannot ask for more options than it offers.");
                    group.RuleForEach(g => g!.Options).NotNull().WithMessage("Each option is an object.").ChildRules(option =>
                    {
                        option.RuleFor(o => o!.Id).Must(IsId).WithMessage(IdRule);
                        option.RuleFor(o => o!.Name).NotEmpty().MaximumLength(DomainMenu.MaxNameLength).CleanText();
                        option.RuleFor(o => o!.Price).Must(IsOptionPrice).WithMessage(OptionPriceRule);
                    });
                });
            });
            RuleForEach(c => c.Bundles).NotNull().WithMessage("Each bundle is an object.").ChildRules(bundle =>
            {
                bundle.RuleFor(b => b.Id).Must(IsId).WithMessage(IdRule);
                bundle.RuleFor(b => b.Name).NotEmpty().MaximumLength(DomainMenu.MaxNameLength).CleanText();
                bundle.RuleFor(b => b.Price).Must(IsPrice).WithMessage(PriceRule);
                bundle.RuleFor(b => b.Slots).Must(s => s is { Count: >= 1 and <= DomainMenu.MaxSlots })
                    .WithMessage($"A bundle has 1 to {DomainMenu.MaxSlots} slots.");
                bundle.RuleForEach(b => b.Slots).Must(s => s is { Count: > 0 }).WithMessage("A slot lists at least one item.")
                    .Must(s => s is null || s.Count <= DomainMenu.MaxSlotWidth)
                    .WithMessage($"A slot lists at most {DomainMenu.MaxSlotWidth} items.")
                    .Must(s => s is null || s.Distinct().Count() == s.Count).WithMessage("A slot lists each item once.");
            });
            RuleFor(c => c).Custom(CrossReferences);
        }

        private static readonly string PriceRule = $"A price is above 0 and at most {MaxPrice}, with at most two decimals.";

        private static readonly string OptionPriceRule = $"An option's price is 0 to {MaxPrice}, with at most two decimals.";

        private static bool IsOptionPrice(decimal? price) => price is >= 0m and <= MaxPrice && decimal.Round(price.Value, 2) == price.Value;

        private static bool Distinct(IReadOnlyList<string?>? list) => list is null || list.Distinct().Count() == list.Count;

        private static int SlotEntries(IReadOnlyList<BundleOffer?> bundles) =>
            bundles.Sum(bundle => bundle?.Slots?.Sum(slot => slot?.Count ?? 0) ?? 0);

        private static bool IsId(string? id) =>
            id is { Length: > 0 and <= DomainMenu.MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

        private static bool IsPrice(decimal? price) => price is > 0m and <= MaxPrice && decimal.Round(price.Value, 2) == price.Value;

        /// <summary>What one field cannot show by itself: ids used twice and slots naming items the menu does not list.</summary>
        private static void CrossReferences(Command command, ValidationContext<Command> context)
        {
            var itemIds = new HashSet<string>(StringComparer.Ordinal);
            var items = command.Items ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i]?.Id is { } id && !itemIds.Add(id))
                    context.AddFailure(new ValidationFailure($"items[{i}].id", $"Item id '{id}' is used more than once."));
                var groups = items[i]?.OptionGroups ?? [];
                foreach (var duplicate in groups.Select(g => g?.Id).OfType<string>().GroupBy(g => g).Where(g => g.Count() > 1))
                    context.AddFailure(new ValidationFailure($"items[{i}].optionGroups", $"Option group id '{duplicate.Key}' is used more than once."));
                // Option ids are unique within an item, across its groups: a line names its options by id alone.
                foreach (var duplicate in groups.SelectMany(g => g?.Options ?? []).Select(o => o?.Id).OfType<string>().GroupBy(o => o).Where(g => g.Count() > 1))
                    context.AddFailure(new ValidationFailure($"items[{i}].optionGroups", $"Option id '{duplicate.Key}' is used more than once in this item."));
            }

            var bundleIds = new HashSet<string>(StringComparer.Ordinal);
            var bundles = command.Bundles ?? [];
            for (var b = 0; b < bundles.Count; b++)
            {
                if (bundles[b] is not { } bundle) continue;
                if (bundle.Id is { } id && !bundleIds.Add(id))
                    context.AddFailure(new ValidationFailure($"bundles[{b}].id", $"Bundle id '{id}' is used more than once."));
                var slots = bundle.Slots ?? [];
                for (var s = 0; s < slots.Count; s++)
                    foreach (var unknown in (slots[s] ?? []).Where(x => x is null || !itemIds.Contains(x)).Distinct())
                        context.AddFailure(new ValidationFailure($"bundles[{b}].slots[{s}]",
                            unknown is null ? "A slot lists item ids, not null." : $"'{unknown}' is not an item of this menu."));
            }
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            // The domain checks the menu again: the validator names the fields, the constructor is the last guard.
            var menu = new DomainMenu(command.Currency!, command.TaxRate!.Value,
                command.Items!.Select(ToItem).ToList(),
                command.Bundles!.Select(b => new Bundle(b.Id!, b.Name!, Money.FromMajor(b.Price!.Value),
                    b.Slots!.Select(slot => (IReadOnlyList<string>)slot!.Select(id => id!).ToList()).ToList())).ToList());

            var now = clock.GetUtcNow();
            // Versions are the primary key: a publish running at the same time on another node loses the insert and
            // the command transaction runs this again, reading the new maximum.
            var stored = new StoredMenu
            {
                Version = (await db.Menus.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1,
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
