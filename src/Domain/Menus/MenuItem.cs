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

    /// <summary>What is wrong with this item's details beyond its id, name, category and price, for <see cref="Menu.Validate"/>.</summary>
    internal IEnumerable<string> DetailProblems()
    {
        var label = $"Item '{Id}'";
        if (Description is not null && (Description.Length > MaxDescriptionLength || string.IsNullOrWhiteSpace(Description)))
            yield return $"{label} has a description of 1 to {MaxDescriptionLength} characters, or none.";
        if (!TextRules.IsClean(Description)) yield return $"{label}'s description: {TextRules.Refusal}";
        foreach (var unknown in Allergens.Where(a => !AllergenCodes.IsKnown(a)).Distinct())
            yield return $"{label} names allergen '{unknown}', which is not one of {string.Join(", ", AllergenCodes.Codes)}.";
        if (Allergens.Distinct().Count() != Allergens.Count) yield return $"{label} lists an allergen more than once.";
        if (Dietary.Count > MaxDietaryTags) yield return $"{label} has at most {MaxDietaryTags} dietary tags.";
        if (Dietary.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength || !TextRules.IsClean(t)))
            yield return $"{label}'s dietary tags are 1 to {MaxTagLength} characters of text.";
        if (Dietary.Distinct().Count() != Dietary.Count) yield return $"{label} lists a dietary tag more than once.";
        if (!IsValidStation(Station)) yield return $"{label}'s station is 1 to {MaxStationLength} letters, digits, '-' or '_'.";
        if (!IsValidCourse(Course)) yield return $"{label}'s course is 1 to {MaxCourse}.";
        if (OptionGroups.Count > MaxOptionGroups) yield return $"{label} has at most {MaxOptionGroups} option groups.";
        foreach (var duplicate in OptionGroups.GroupBy(g => g.Id).Where(g => g.Count() > 1))
            yield return $"{label} uses option group id '{duplicate.Key}' more than once.";
        foreach (var duplicate in OptionGroups.SelectMany(g => g.Options).GroupBy(o => o.Id).Where(g => g.Count() > 1))
            yield return $"{label} uses option id '{duplicate.Key}' more than once (option ids are unique within an item).";
        foreach (var group in OptionGroups)
        {
            var groupLabel = $"{label}'s option group '{group.Id}'";
            if (!Menu.IsValidId(group.Id) || !TextRules.IsClean(group.Id)) yield return $"{groupLabel} needs an id of 1 to {Menu.MaxIdLength} characters of text.";
            if (!Menu.IsValidName(group.Name) || !TextRules.IsClean(group.Name)) yield return $"{groupLabel} needs a name of 1 to {Menu.MaxNameLength} characters of text.";
            if (group.Options.Count is 0 or > OptionGroup.MaxOptions) yield return $"{groupLabel} has 1 to {OptionGroup.MaxOptions} options.";
            if (group.Min < 0 || group.Max < 1) yield return $"{groupLabel} needs a min of 0 or more and a max of 1 or more.";
            if (group.Min > group.Max) yield return $"{groupLabel} has a min ({group.Min}) above its max ({group.Max}).";
            if (group.Min > group.Options.Count) yield return $"{groupLabel} asks for {group.Min} options but offers {group.Options.Count}.";
            foreach (var option in group.Options)
            {
                if (!Menu.IsValidId(option.Id) || !TextRules.IsClean(option.Id)) yield return $"{groupLabel} has an option id that is not 1 to {Menu.MaxIdLength} characters of text.";
                if (!Menu.IsValidName(option.Name) || !TextRules.IsClean(option.Name)) yield return $"{groupLabel}'s option '{option.Id}' needs a name of 1 to {Menu.MaxNameLength} characters of text.";
            }
        }
    }

    private static Dictionary<string, object> Fact(string name, string value) => new() { [name] = value };

    private static string Between(int min, int max) => min == max ? $"exactly {min}" : $"{min} to {max}";
}
