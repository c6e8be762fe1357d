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
            document.Items.Select(i => new MenuItem(i.Id, i.Name, i.Category, i.Price, i.Available)).ToList(),
            document.Bundles.Select(b => new Bundle(b.Id, b.Name, b.Price, b.Slots)).ToList());
    }

    public void Store(Menu menu) =>
        Document = JsonSerializer.Serialize(new MenuDocument(menu.Currency, menu.TaxRate,
            menu.Items.Select(i => new MenuItemDocument(i.Id, i.Name, i.Category, i.Price, i.Available)).ToList(),
            menu.Bundles.Select(b => new BundleDocument(b.Id, b.Name, b.Price, b.Slots)).ToList()), StoredJson.Options);

    private sealed record MenuDocument(string Currency, decimal TaxRate, List<MenuItemDocument> Items, List<BundleDocument> Bundles);

    private sealed record MenuItemDocument(string Id, string Name, string Category, Money Price, bool Available);

    private sealed record BundleDocument(string Id, string Name, Money Price, IReadOnlyList<IReadOnlyList<string>> Slots);
}
