using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Menu;

/// <summary>One item of a menu as the API shows it: in GET /menu, and as the answer to a change of its availability.</summary>
public sealed record MenuItemView(string Id, string Name, string Category, decimal Price, bool Available)
{
    public static MenuItemView From(MenuItem item) => new(item.Id, item.Name, item.Category, item.Price.ToMajor(), item.Available);
}
