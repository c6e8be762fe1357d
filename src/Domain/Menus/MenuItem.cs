namespace Restaurant.Domain.Menus;

/// <summary>
/// A dish or drink as the menu sells it. The details beyond the first release (description, allergens, dietary tags,
/// station, course, option groups) have defaults, so a menu written before them is still a menu.
/// </summary>
public sealed record MenuItem(string Id, string Name, string Category, Money Price, bool Available)
{
    public const string DefaultStation = "kitchen";
    public const int DefaultCourse = 1;
    public const int MaxCourse = 20;
    public const int MaxDescriptionLength = 500;
    public const int MaxDietaryTags = 10;
    public const int MaxTagLength = 32;
    public const int MaxStationLength = 32;
    public const int MaxOptionGroups = 10;

    public string? Description { get; init; }
    /// <summary>Codes of <see cref="AllergenCodes"/>.</summary>
    public IReadOnlyList<string> Allergens { get; init; } = [];
    /// <summary>Free tags such as "vegan" or "halal".</summary>
    public IReadOnlyList<string> Dietary { get; init; } = [];
    /// <summary>Where the item is made ("kitchen", "bar", "grill"): the kitchen display filters its tickets by it.</summary>
    public string Station { get; init; } = DefaultStation;
    /// <summary>When it is served: 1, 2, 3…; a line may be given another course when it is added.</summary>
    public int Course { get; init; } = DefaultCourse;
    public IReadOnlyList<OptionGroup> OptionGroups { get; init; } = [];

    public static bool IsValidCourse(int course) => course is >= 1 and <= MaxCourse;

    /// <summary>A station is 1 to 32 letters, digits, '-' or '_': it travels in a query string.</summary>
    public static bool IsValidStation(string? station) =>
        station is { Length: > 0 and <= MaxStationLength } && station.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// The options a diner chose, checked against this item's groups and captured with their prices, in the menu's
    /// order (so two lines with the same choices read and bill alike).
    /// </summary>
    public IReadOnlyList<ChosenOption> ChooseOptions(IReadOnlyList<string> optionIds)
    {
        var chosen = new List<(OptionGroup Group, MenuOption Option)>(optionIds.Count);
        foreach (var optionId in optionIds)
        {
            var group = OptionGroups.FirstOrDefault(g => g.Options.Any(o => o.Id == optionId))
                ?? throw new DomainException(DomainErrors.UnknownOption, $"'{Name}' has no option '{optionId}'.") { Facts = Fact("option", optionId) };
            var option = group.Options.First(o => o.Id == optionId);
            if (chosen.Any(c => c.Option.Id == optionId))
                throw new DomainException(DomainErrors.InvalidOptions, $"'{option.Name}' ({group.Name}) is chosen more than once.") { Facts = Fact("group", group.Id) };
            if (!option.Available)
                throw new DomainException(DomainErrors.ItemUnavailable, $"'{option.Name}' for '{Name}' is not available right now.") { Facts = Fact("option", optionId) };
            chosen.Add((group, option));
        }
        foreach (var group in OptionGroups)
        {
            var count = chosen.Count(c => c.Group == group);
            if (count < group.Min || count > group.Max)
                throw new DomainException(DomainErrors.InvalidOptions,
                    $"'{Name}' takes {Between(group.Min, group.Max)} of '{group.Name}' ({group.Id}); {count} chosen.") { Facts = Fact("group", group.Id) };
        }
        return OptionGroups
            .SelectMany(g => g.Options.Where(o => chosen.Any(c => c.Option == o)).Select(o => new ChosenOption(g.Id, o.Id, o.Name, o.Price)))
            .ToList();
    }

    /// <summary>This item with one option 86'd or back.</summary>
    public MenuItem WithOptionAvailability(string optionId, bool available)
    {
        if (!OptionGroups.Any(g => g.Options.Any(o => o.Id == optionId)))
            throw new DomainException(DomainErrors.UnknownOption, $"'{Name}' has no option '{optionId}'.");
        return this with
        {
            OptionGroups = OptionGroups.Select(g => g with
            {
                Options = g.Options.Select(o => o.Id == optionId ? o with { Available = available } : o).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// What is wrong with this item's details beyond its id, name, category and price, for <see cref="Menu.Validate"/>,
    /// each under its field's path below <paramref name="path"/> (such as <c>items[3].optionGroups[0].min</c>).
    /// </summary>
    internal IEnumerable<FieldProblem> DetailProblems(string path)
    {
        if (!TextRules.IsClean(Description)) yield return new($"{path}.description", TextRules.Refusal);
        else if (Description is not null && (Description.Length > MaxDescriptionLength || string.IsNullOrWhiteSpace(Description)))
            yield return new($"{path}.description", $"A description is 1 to {MaxDescriptionLength} characters, or left out.");
        for (var a = 0; a < Allergens.Count; a++)
            if (!AllergenCodes.IsKnown(Allergens[a]))
                yield return new($"{path}.allergens[{a}]", $"'{Allergens[a]}' is not an allergen code: use {string.Join(", ", AllergenCodes.Codes)}.");
        if (Allergens.Distinct().Count() != Allergens.Count) yield return new($"{path}.allergens", "List each allergen once.");
        if (Dietary.Count > MaxDietaryTags) yield return new($"{path}.dietary", $"An item has at most {MaxDietaryTags} dietary tags.");
        for (var t = 0; t < Dietary.Count; t++)
            if (string.IsNullOrWhiteSpace(Dietary[t]) || Dietary[t].Length > MaxTagLength || !TextRules.IsClean(Dietary[t]))
                yield return new($"{path}.dietary[{t}]", $"A dietary tag is 1 to {MaxTagLength} characters of text.");
        if (Dietary.Distinct().Count() != Dietary.Count) yield return new($"{path}.dietary", "List each dietary tag once.");
        if (!IsValidStation(Station)) yield return new($"{path}.station", $"A station is 1 to {MaxStationLength} letters, digits, '-' or '_'.");
        if (!IsValidCourse(Course)) yield return new($"{path}.course", $"A course is 1 to {MaxCourse}.");
        if (OptionGroups.Count > MaxOptionGroups) yield return new($"{path}.optionGroups", $"An item has at most {MaxOptionGroups} option groups.");
        foreach (var duplicate in OptionGroups.GroupBy(g => g.Id).Where(g => g.Count() > 1))
            yield return new($"{path}.optionGroups", $"Option group id '{duplicate.Key}' is used more than once.");
        // A line names its options by id alone, so option ids are unique within an item, across its groups.
        foreach (var duplicate in OptionGroups.SelectMany(g => g.Options).GroupBy(o => o.Id).Where(g => g.Count() > 1))
            yield return new($"{path}.optionGroups", $"Option id '{duplicate.Key}' is used more than once in this item.");
        for (var g = 0; g < OptionGroups.Count; g++)
        {
            var group = OptionGroups[g];
            var at = $"{path}.optionGroups[{g}]";
            if (!TextRules.IsClean(group.Id) || !Menu.IsValidId(group.Id)) yield return new($"{at}.id", Menu.IdRule);
            if (!TextRules.IsClean(group.Name)) yield return new($"{at}.name", TextRules.Refusal);
            else if (!Menu.IsValidName(group.Name)) yield return new($"{at}.name", $"A group's name is 1 to {Menu.MaxNameLength} characters.");
            if (group.Min < 0) yield return new($"{at}.min", "A group's min is 0 or more.");
            else if (group.Min > group.Max) yield return new($"{at}.min", $"A group's min ({group.Min}) is at most its max ({group.Max}).");
            else if (group.Min > group.Options.Count) yield return new($"{at}.min", $"A group asks for {group.Min} options but offers {group.Options.Count}.");
            if (group.Max < 1) yield return new($"{at}.max", "A group's max is 1 or more.");
            if (group.Options.Count is 0 or > OptionGroup.MaxOptions) yield return new($"{at}.options", $"A group has 1 to {OptionGroup.MaxOptions} options.");
            for (var o = 0; o < group.Options.Count; o++)
            {
                var option = group.Options[o];
                if (!TextRules.IsClean(option.Id) || !Menu.IsValidId(option.Id)) yield return new($"{at}.options[{o}].id", Menu.IdRule);
                if (!TextRules.IsClean(option.Name)) yield return new($"{at}.options[{o}].name", TextRules.Refusal);
                else if (!Menu.IsValidName(option.Name)) yield return new($"{at}.options[{o}].name", $"An option's name is 1 to {Menu.MaxNameLength} characters.");
                if (option.Price > Menu.HighestPrice) yield return new($"{at}.options[{o}].price", $"An option's price is 0 to {Menu.MaxPrice}.");
            }
        }
    }

    private static Dictionary<string, object> Fact(string name, string value) => new() { [name] = value };

    private static string Between(int min, int max) => min == max ? $"exactly {min}" : $"{min} to {max}";
}
