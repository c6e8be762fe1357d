using System.Text.Json;
using Restaurant.Domain;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Persistence;

/// <summary>One menu version as stored: the whole menu is one document, read and replaced as a unit.</summary>
public sealed class StoredMenu
{
    public int Version { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    /// <summary>Bumped when availability changes, so the menu's ETag changes with it.</summary>
    public int Revision { get; set; }
    public string Document { get; set; } = "";

    public string ETag => $"\"{Version}.{Revision}\"";

    /// <summary>The menu this document holds, parsed and checked anew; <see cref="MenuCache"/> keeps parsed menus.</summary>
    public Menu Parse()
    {
        var document = JsonSerializer.Deserialize<MenuDocument>(Document, StoredJson.Options)!;
        return new Menu(document.Currency, document.TaxRate,
            document.Items.Select(i => i.ToItem()).ToList(),
            document.Bundles.Select(b => new Bundle(b.Id, b.Name, b.Price, b.Slots)).ToList(),
            document.ServiceCharge);
    }

    public void Store(Menu menu) =>
        Document = JsonSerializer.Serialize(new MenuDocument(menu.Currency, menu.TaxRate,
            menu.Items.Select(MenuItemDocument.Of).ToList(),
            menu.Bundles.Select(b => new BundleDocument(b.Id, b.Name, b.Price, b.Slots)).ToList(), menu.ServiceCharge), StoredJson.Options);

    /// <summary>Documents stored before the service charge read as having none.</summary>
    private sealed record MenuDocument(string Currency, decimal TaxRate, List<MenuItemDocument> Items, List<BundleDocument> Bundles,
        ServiceChargeRule? ServiceCharge = null);

    /// <summary>The details after Available came later: documents stored before them read as the defaults.</summary>
    private sealed record MenuItemDocument(string Id, string Name, string Category, Money Price, bool Available,
        string? Description = null, IReadOnlyList<string>? Allergens = null, IReadOnlyList<string>? Dietary = null,
        string? Station = null, int? Course = null, IReadOnlyList<OptionGroup>? OptionGroups = null)
    {
        public static MenuItemDocument Of(MenuItem item) => new(item.Id, item.Name, item.Category, item.Price, item.Available,
            item.Description, item.Allergens, item.Dietary, item.Station, item.Course, item.OptionGroups);

        public MenuItem ToItem() => new(Id, Name, Category, Price, Available)
        {
            Description = Description,
            Allergens = Allergens ?? [],
            Dietary = Dietary ?? [],
            Station = Station ?? MenuItem.DefaultStation,
            Course = Course ?? MenuItem.DefaultCourse,
            OptionGroups = OptionGroups ?? [],
        };
    }

    private sealed record BundleDocument(string Id, string Name, Money Price, IReadOnlyList<IReadOnlyList<string>> Slots);
}
