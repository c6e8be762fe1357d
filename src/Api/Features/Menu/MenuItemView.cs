using System.Text.Json.Serialization;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Menu;

/// <summary>One item of a menu as the API shows it: in GET /menu, and as the answer to a change of its availability.</summary>
public sealed record MenuItemView(
    string Id,
    string Name,
    string Category,
    decimal Price,
    bool Available,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    IReadOnlyList<string> Allergens,
    IReadOnlyList<string> Dietary,
    string Station,
    int Course,
    IReadOnlyList<OptionGroupView> OptionGroups)
{
    public static MenuItemView From(MenuItem item) => new(item.Id, item.Name, item.Category, item.Price.ToMajor(), item.Available,
        item.Description, item.Allergens, item.Dietary, item.Station, item.Course, item.OptionGroups.Select(OptionGroupView.From).ToList());
}

/// <summary>A choice a diner makes about an item: between <see cref="Min"/> and <see cref="Max"/> of its options.</summary>
public sealed record OptionGroupView(string Id, string Name, int Min, int Max, IReadOnlyList<MenuOptionView> Options)
{
    public static OptionGroupView From(OptionGroup group) => new(group.Id, group.Name, group.Min, group.Max,
        group.Options.Select(o => new MenuOptionView(o.Id, o.Name, o.Price.ToMajor(), o.Available)).ToList());
}

/// <summary>One option of a group; its price is paid on top of the item's.</summary>
public sealed record MenuOptionView(string Id, string Name, decimal Price, bool Available);
