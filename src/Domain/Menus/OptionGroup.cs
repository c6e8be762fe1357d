namespace Restaurant.Domain.Menus;

/// <summary>
/// A choice a diner makes about an item ("doneness", "extras"): between <see cref="Min"/> and <see cref="Max"/> of its
/// options; a <see cref="Min"/> of 1 or more makes the group required.
/// </summary>
public sealed record OptionGroup(string Id, string Name, int Min, int Max, IReadOnlyList<MenuOption> Options)
{
    public const int MaxOptions = 20;
}

/// <summary>One option of a group; its <see cref="Price"/> (zero or more) is paid on top of the item's price.</summary>
public sealed record MenuOption(string Id, string Name, Money Price, bool Available);

/// <summary>An option as a line captured it: its group, its name and its price when the line was added.</summary>
public sealed record ChosenOption(string GroupId, string OptionId, string Name, Money Price);
