using Restaurant.Api.Persistence;
using DomainMenu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Features.Menu;

/// <summary>A menu version as GET /menu serves it.</summary>
public sealed record MenuView(
    int Version,
    DateTime EffectiveFrom,
    string Currency,
    decimal TaxRate,
    MenuView.ServiceChargeView? ServiceCharge,
    IReadOnlyList<MenuItemView> Items,
    IReadOnlyList<MenuView.BundleOffer> Bundles)
{
    /// <summary>The automatic service charge: <see cref="Rate"/> on orders of at least <see cref="MinGuests"/> guests.</summary>
    public sealed record ServiceChargeView(decimal Rate, int MinGuests, bool Taxable);

    public sealed record BundleOffer(string Id, string Name, decimal Price, IReadOnlyList<IReadOnlyList<string>> Slots);

    public static MenuView From(StoredMenu stored, DomainMenu menu) =>
        new(stored.Version, stored.EffectiveFrom.UtcDateTime, menu.Currency, menu.TaxRate,
            menu.ServiceCharge is { } rule ? new ServiceChargeView(rule.Rate, rule.MinGuests, rule.Taxable) : null,
            menu.Items.Select(MenuItemView.From).ToList(),
            menu.Bundles.Select(b => new BundleOffer(b.Id, b.Name, b.Price.ToMajor(), b.Slots)).ToList());
}
