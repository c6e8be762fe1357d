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

    /// <summary><see cref="Available"/> may be left out: a new dish is available.</summary>
    public sealed record Item(string? Id, string? Name, string? Category, decimal? Price, bool? Available);

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
                if (items[i]?.Id is { } id && !itemIds.Add(id))
                    context.AddFailure(new ValidationFailure($"items[{i}].id", $"Item id '{id}' is used more than once."));

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
                command.Items!.Select(i => new MenuItem(i.Id!, i.Name!, i.Category!, Money.FromMajor(i.Price!.Value), i.Available ?? true)).ToList(),
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
    }
}
