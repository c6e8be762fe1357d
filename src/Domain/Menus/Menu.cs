namespace Restaurant.Domain.Menus;

public sealed record MenuItem(string Id, string Name, string Category, Money Price, bool Available);

/// <summary>A set of slots, each filled by exactly one unit of any item it lists, sold together at <see cref="Price"/>.</summary>
public sealed record Bundle(string Id, string Name, Money Price, IReadOnlyList<IReadOnlyList<string>> Slots);

/// <summary>One published version of the menu. Construction enforces the limits that keep billing exact and fast.</summary>
public sealed class Menu
{
    public const int MaxItems = 500;
    public const int MaxBundles = 50;
    public const int MaxSlots = 6;
    /// <summary>Items one slot may list: the pricing engine's work grows with the width of the slots.</summary>
    public const int MaxSlotWidth = 50;
    /// <summary>Items listed over all slots of all bundles: what bounds the size of the pricing program.</summary>
    public const int MaxSlotEntries = 200;
    public const int MaxIdLength = 64;
    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public const int CurrencyLength = 3;
    /// <summary>For names and categories.</summary>
    public const int MaxNameLength = 200;

    private readonly Dictionary<string, MenuItem> _itemsById;

    public Menu(string currency, decimal taxRate, IReadOnlyList<MenuItem> items, IReadOnlyList<Bundle> bundles)
    {
        var problems = Validate(currency, taxRate, items, bundles);
        if (problems.Count > 0) throw new DomainException(DomainErrors.InvalidMenu, string.Join(" ", problems));
        Currency = currency;
        TaxRate = taxRate;
        Items = items;
        Bundles = bundles;
        _itemsById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public string Currency { get; }
    public decimal TaxRate { get; }
    public IReadOnlyList<MenuItem> Items { get; }
    public IReadOnlyList<Bundle> Bundles { get; }

    /// <summary>The item a diner may add right now: it exists and is not 86'd.</summary>
    public MenuItem ItemToOrder(string itemId)
    {
        if (!_itemsById.TryGetValue(itemId, out var item))
            throw new DomainException(DomainErrors.UnknownMenuItem, $"There is no menu item '{itemId}'.");
        if (!item.Available)
            throw new DomainException(DomainErrors.ItemUnavailable, $"'{item.Name}' is not available right now.");
        return item;
    }

    public Menu WithAvailability(string itemId, bool available)
    {
        if (!_itemsById.ContainsKey(itemId))
            throw new DomainException(DomainErrors.UnknownMenuItem, $"There is no menu item '{itemId}'.");
        var items = Items.Select(i => i.Id == itemId ? i with { Available = available } : i).ToList();
        return new Menu(Currency, TaxRate, items, Bundles);
    }

    /// <summary>Every reason the menu is not acceptable, in words a menu editor can act on.</summary>
    /// <summary>
    /// ISO 4217 currencies whose minor unit is not a hundredth (JPY has none, KWD thousandths). Money is kept in
    /// hundredths and card gateways take amounts in the currency's own minor unit, so these would be charged 100×
    /// or a tenth of the price.
    /// </summary>
    private static readonly HashSet<string> CurrenciesWithoutCents =
    [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
        "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", "CLF", "UYW",
    ];

    public static bool HasCents(string currency) => !CurrenciesWithoutCents.Contains(currency);

    public static IReadOnlyList<string> Validate(string currency, decimal taxRate, IReadOnlyList<MenuItem> items, IReadOnlyList<Bundle> bundles)
    {
        var problems = new List<string>();
        if (currency is not { Length: CurrencyLength } || !currency.All(char.IsAsciiLetterUpper))
            problems.Add("The currency is a three-letter upper-case ISO code.");
        else if (!HasCents(currency))
            problems.Add($"{currency} does not count in hundredths; prices are kept in cents, so the currency must have two decimals.");
        if (taxRate is < 0m or > 1m) problems.Add("The tax rate is between 0 and 1.");
        if (items.Count is 0 or > MaxItems) problems.Add($"A menu has 1 to {MaxItems} items.");
        if (bundles.Count > MaxBundles) problems.Add($"A menu has at most {MaxBundles} bundles.");
        if (bundles.Sum(b => b.Slots.Sum(s => s.Count)) > MaxSlotEntries)
            problems.Add($"The bundles' slots list at most {MaxSlotEntries} items in all.");
        foreach (var duplicate in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            problems.Add($"Item id '{duplicate.Key}' is used more than once.");
        foreach (var duplicate in bundles.GroupBy(b => b.Id).Where(g => g.Count() > 1))
            problems.Add($"Bundle id '{duplicate.Key}' is used more than once.");
        foreach (var item in items)
        {
            if (!IsValidId(item.Id)) problems.Add($"Item id '{item.Id}' is not 1 to {MaxIdLength} characters.");
            if (!IsValidName(item.Name)) problems.Add($"Item '{item.Id}' needs a name of 1 to {MaxNameLength} characters.");
            if (!IsValidName(item.Category)) problems.Add($"Item '{item.Id}' needs a category of 1 to {MaxNameLength} characters.");
            if (item.Price.Minor <= 0) problems.Add($"Item '{item.Id}' needs a price above zero.");
        }
        var itemIds = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var bundle in bundles)
        {
            if (!IsValidId(bundle.Id)) problems.Add($"Bundle id '{bundle.Id}' is not 1 to {MaxIdLength} characters.");
            if (!IsValidName(bundle.Name)) problems.Add($"Bundle '{bundle.Id}' needs a name of 1 to {MaxNameLength} characters.");
            if (bundle.Price.Minor <= 0) problems.Add($"Bundle '{bundle.Id}' needs a price above zero.");
            if (bundle.Slots.Count is 0 or > MaxSlots) problems.Add($"Bundle '{bundle.Id}' has 1 to {MaxSlots} slots.");
            foreach (var slot in bundle.Slots)
            {
                if (slot.Count == 0) problems.Add($"Bundle '{bundle.Id}' has an empty slot.");
                if (slot.Count > MaxSlotWidth) problems.Add($"Bundle '{bundle.Id}' has a slot listing more than {MaxSlotWidth} items.");
                foreach (var unknown in slot.Where(id => !itemIds.Contains(id)))
                    problems.Add($"Bundle '{bundle.Id}' names unknown item '{unknown}'.");
            }
        }
        return problems;
    }

    private static bool IsValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;

    private static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;
}
