using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// The final tally of an order, frozen when the order is billed. <see cref="Optimal"/> is true when the bundling is
/// proven the cheapest; false only if the search ran out of its <see cref="PricingBudget"/> first (the bill then
/// charges the best bundling it found, never more than list price).
/// </summary>
public sealed record Bill(
    string Currency,
    IReadOnlyList<BillItem> Items,
    IReadOnlyList<BundleUse> Bundles,
    Money Subtotal,
    Money Savings,
    Money Tax,
    Money Total,
    IReadOnlyList<DinerShare> Shares,
    bool Optimal = true)
{
    /// <summary>What the comped units would have cost; <see cref="Total"/> does not charge it.</summary>
    public Money Comps { get; init; }

    /// <summary>What each of the order's discounts took off (step 3), in the order they were applied.</summary>
    public IReadOnlyList<AppliedDiscount> Discounts { get; init; } = [];

    /// <summary>What the discounts took off in all.</summary>
    public Money Discount { get; init; }

    /// <summary>The service charge (step 4), at <see cref="ServiceChargeRate"/> of what the discounts left.</summary>
    public Money ServiceCharge { get; init; }

    public decimal ServiceChargeRate { get; init; }

    /// <summary>What is left to pay once <paramref name="paid"/> has been taken.</summary>
    public Money BalanceAfter(Money paid) => Total - paid;
}

/// <summary>Units of one item with the same options and price; comped units are an item of their own.</summary>
public sealed record BillItem(string MenuItemId, string Name, int Quantity, Money UnitPrice, Money Amount)
{
    public IReadOnlyList<ChosenOption> Options { get; init; } = [];
    public bool Comped { get; init; }
}

/// <summary>One use of a bundle: the items and lines that filled its slots, in slot order.</summary>
public sealed record BundleUse(
    string BundleId,
    string Name,
    Money Price,
    Money ListPrice,
    Money Savings,
    IReadOnlyList<string> MenuItemIds,
    IReadOnlyList<string> LineIds);

public sealed record DinerShare(string? Diner, Money Amount);

/// <summary>
/// A submitted line as billing sees it. <see cref="UnitPrice"/> includes the <see cref="Options"/>' prices; a unit
/// fills a bundle slot by its item at <see cref="ItemPrice"/>, and its options are paid on top. A comped line is on
/// the bill at zero and fills no bundle.
/// </summary>
public sealed record BillLine(string LineId, string MenuItemId, string Name, int Quantity, Money UnitPrice, string? Diner)
{
    public IReadOnlyList<ChosenOption> Options { get; init; } = [];
    public bool Comped { get; init; }

    public Money OptionsPrice
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < Options.Count; i++) sum += Options[i].Price.Minor;
            return new Money(sum);
        }
    }
    public Money ItemPrice => UnitPrice - OptionsPrice;
}
