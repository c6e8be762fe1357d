namespace Restaurant.Domain.Menus;

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
    /// <summary>The highest price an item or bundle may have, in major units: it keeps every bill's arithmetic in range.</summary>
    public const decimal MaxPrice = 1_000_000m;

    internal static readonly Money HighestPrice = Money.FromMajor(MaxPrice);

    private readonly Dictionary<string, MenuItem> _itemsById;

    public Menu(string currency, decimal taxRate, IReadOnlyList<MenuItem> items, IReadOnlyList<Bundle> bundles,
        ServiceChargeRule? serviceCharge = null)
    {
        var problems = Validate(currency, taxRate, items, bundles, serviceCharge);
        if (problems.Count > 0)
            throw new DomainException(DomainErrors.InvalidMenu, string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")))
            {
                Problems = problems,
            };
        Currency = currency;
        TaxRate = taxRate;
        Items = items;
        Bundles = bundles;
        ServiceCharge = serviceCharge;
        _itemsById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public string Currency { get; }
    public decimal TaxRate { get; }
    public IReadOnlyList<MenuItem> Items { get; }
    public IReadOnlyList<Bundle> Bundles { get; }
    /// <summary>The automatic service charge for larger tables, if the restaurant has one.</summary>
    public ServiceChargeRule? ServiceCharge { get; }

    /// <summary>The item a diner may add right now: it exists and is not 86'd.</summary>
    public MenuItem ItemToOrder(string itemId)
    {
        if (!_itemsById.TryGetValue(itemId, out var item))
            throw new DomainException(DomainErrors.UnknownMenuItem, $"There is no menu item '{itemId}'.");
        if (!item.Available)
            throw new DomainException(DomainErrors.ItemUnavailable, $"'{item.Name}' is not available right now.");
        return item;
    }

    public Menu WithAvailability(string itemId, bool available) => WithItem(itemId, item => item with { Available = available });

    /// <summary>This menu with one option of an item 86'd (or back); the item itself stays as it is.</summary>
    public Menu WithOptionAvailability(string itemId, string optionId, bool available) =>
        WithItem(itemId, item => item.WithOptionAvailability(optionId, available));

    private Menu WithItem(string itemId, Func<MenuItem, MenuItem> change)
    {
        if (!_itemsById.ContainsKey(itemId))
            throw new DomainException(DomainErrors.UnknownMenuItem, $"There is no menu item '{itemId}'.");
        var items = Items.Select(i => i.Id == itemId ? change(i) : i).ToList();
        return new Menu(Currency, TaxRate, items, Bundles, ServiceCharge);
    }

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

    /// <summary>
    /// Every reason the menu is not acceptable, in words a menu editor can act on, each under the path of the field it
    /// concerns in the menu's document (<c>currency</c>, <c>items[3].price</c>, <c>bundles[0].slots[1]</c>).
    /// </summary>
    public static IReadOnlyList<FieldProblem> Validate(string currency, decimal taxRate, IReadOnlyList<MenuItem> items, IReadOnlyList<Bundle> bundles,
        ServiceChargeRule? serviceCharge = null)
    {
        var problems = new List<FieldProblem>();
        void Refuse(string field, string message) => problems.Add(new FieldProblem(field, message));

        if (currency is not { Length: CurrencyLength } || !currency.All(char.IsAsciiLetterUpper))
            Refuse("currency", "The currency is a three-letter upper-case ISO 4217 code, such as USD.");
        else if (!HasCents(currency))
            Refuse("currency", $"{currency} does not count in hundredths; prices are kept in cents, so the currency must have two decimals.");
        if (taxRate is < 0m or > 1m) Refuse("taxRate", "The tax rate is between 0 and 1.");
        if (serviceCharge is not null) problems.AddRange(serviceCharge.Problems());
        if (items.Count is 0 or > MaxItems) Refuse("items", $"A menu has 1 to {MaxItems} items.");
        if (bundles.Count > MaxBundles) Refuse("bundles", $"A menu has at most {MaxBundles} bundles.");
        if (bundles.Sum(b => b.Slots.Sum(s => s.Count)) > MaxSlotEntries)
            Refuse("bundles", $"The bundles' slots list at most {MaxSlotEntries} items in all.");

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        var listed = items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!TextRules.IsClean(item.Id)) Refuse($"items[{i}].id", TextRules.Refusal);
            else if (!IsValidId(item.Id)) Refuse($"items[{i}].id", IdRule);
            else if (!itemIds.Add(item.Id)) Refuse($"items[{i}].id", $"Item id '{item.Id}' is used more than once.");
            if (!TextRules.IsClean(item.Name)) Refuse($"items[{i}].name", TextRules.Refusal);
            else if (!IsValidName(item.Name)) Refuse($"items[{i}].name", $"An item's name is 1 to {MaxNameLength} characters.");
            if (!TextRules.IsClean(item.Category)) Refuse($"items[{i}].category", TextRules.Refusal);
            else if (!IsValidName(item.Category)) Refuse($"items[{i}].category", $"An item's category is 1 to {MaxNameLength} characters.");
            if (!IsValidPrice(item.Price)) Refuse($"items[{i}].price", PriceRule);
            problems.AddRange(item.DetailProblems($"items[{i}]"));
        }

        var bundleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var b = 0; b < bundles.Count; b++)
        {
            var bundle = bundles[b];
            if (!TextRules.IsClean(bundle.Id)) Refuse($"bundles[{b}].id", TextRules.Refusal);
            else if (!IsValidId(bundle.Id)) Refuse($"bundles[{b}].id", IdRule);
            else if (!bundleIds.Add(bundle.Id)) Refuse($"bundles[{b}].id", $"Bundle id '{bundle.Id}' is used more than once.");
            if (!TextRules.IsClean(bundle.Name)) Refuse($"bundles[{b}].name", TextRules.Refusal);
            else if (!IsValidName(bundle.Name)) Refuse($"bundles[{b}].name", $"A bundle's name is 1 to {MaxNameLength} characters.");
            if (!IsValidPrice(bundle.Price)) Refuse($"bundles[{b}].price", PriceRule);
            if (bundle.Slots.Count is 0 or > MaxSlots) Refuse($"bundles[{b}].slots", $"A bundle has 1 to {MaxSlots} slots.");
            for (var s = 0; s < bundle.Slots.Count; s++)
            {
                var slot = bundle.Slots[s];
                var path = $"bundles[{b}].slots[{s}]";
                if (slot.Count == 0) Refuse(path, "A slot lists at least one item.");
                if (slot.Count > MaxSlotWidth) Refuse(path, $"A slot lists at most {MaxSlotWidth} items.");
                if (slot.Distinct(StringComparer.Ordinal).Count() != slot.Count) Refuse(path, "A slot lists each item once.");
                if (!slot.All(TextRules.IsClean)) Refuse(path, TextRules.Refusal);
                foreach (var unknown in slot.Where(id => TextRules.IsClean(id) && !listed.Contains(id)).Distinct())
                    Refuse(path, $"'{unknown}' is not an item of this menu.");
            }
        }
        return problems;
    }

    internal static readonly string IdRule = $"An id is 1 to {MaxIdLength} letters, digits, '-' or '_'.";

    private static readonly string PriceRule = $"A price is above 0 and at most {MaxPrice}.";

    internal static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;

    internal static bool IsValidPrice(Money price) => price > Money.Zero && price <= HighestPrice;
}
