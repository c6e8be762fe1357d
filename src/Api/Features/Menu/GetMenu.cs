using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Menu;

public static class GetMenu
{
    /// <summary>The menu in effect now, or a given version (tablets fetch scheduled ones ahead of time).</summary>
    public sealed record Query(int? Version) : IRequest<Result>;

    public sealed record Result(string ETag, MenuView Menu);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Version).GreaterThan(0);
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var stored = query.Version is { } version
                ? await db.Menus.AsNoTracking().SingleOrDefaultAsync(m => m.Version == version, cancellationToken)
                  ?? throw new ApiProblem(StatusCodes.Status404NotFound, "not_found", $"There is no menu version {version}.")
                : await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken);
            return new Result(stored.ETag, MenuView.From(stored));
        }
    }
}

public sealed record MenuView(
    int Version,
    DateTime EffectiveFrom,
    string Currency,
    decimal TaxRate,
    IReadOnlyList<MenuView.Item> Items,
    IReadOnlyList<MenuView.BundleOffer> Bundles)
{
    public sealed record Item(
        string Id, string Name, string Category, decimal Price, bool Available,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
        IReadOnlyList<string> Allergens, IReadOnlyList<string> Dietary, string Station, int Course, IReadOnlyList<OptionGroupView> OptionGroups)
    {
        public static Item From(MenuItem item) => new(item.Id, item.Name, item.Category, item.Price.ToMajor(), item.Available,
            item.Description, item.Allergens, item.Dietary, item.Station, item.Course, item.OptionGroups.Select(OptionGroupView.From).ToList());
    }

    public sealed record OptionGroupView(string Id, string Name, int Min, int Max, IReadOnlyList<OptionView> Options)
    {
        public static OptionGroupView From(OptionGroup group) => new(group.Id, group.Name, group.Min, group.Max,
            group.Options.Select(o => new OptionView(o.Id, o.Name, o.Price.ToMajor(), o.Available)).ToList());
    }

    public sealed record OptionView(string Id, string Name, decimal Price, bool Available);

    public sealed record BundleOffer(string Id, string Name, decimal Price, IReadOnlyList<IReadOnlyList<string>> Slots);

    public static MenuView From(StoredMenu stored)
    {
        var menu = stored.ToMenu();
        return new MenuView(stored.Version, stored.EffectiveFrom.UtcDateTime, menu.Currency, menu.TaxRate,
            menu.Items.Select(Item.From).ToList(),
            menu.Bundles.Select(b => new BundleOffer(b.Id, b.Name, b.Price.ToMajor(), b.Slots)).ToList());
    }
}
