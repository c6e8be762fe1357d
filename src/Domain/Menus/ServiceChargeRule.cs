namespace Restaurant.Domain.Menus;

/// <summary>
/// The menu's automatic service charge: <see cref="Rate"/> of what is left after discounts, on orders of at least
/// <see cref="MinGuests"/> guests; <see cref="Taxable"/> says whether tax is charged on it too.
/// </summary>
public sealed record ServiceChargeRule(decimal Rate, int MinGuests, bool Taxable)
{
    /// <summary>The highest service charge rate, on the menu and on an order alike.</summary>
    public const decimal MaxRate = 0.5m;
    /// <summary>Rates are fractions with at most four decimals (0.1825 is 18.25%).</summary>
    public const int RateDecimals = 4;

    public static bool IsValidRate(decimal rate) => rate is >= 0m and <= MaxRate && decimal.Round(rate, RateDecimals) == rate;

    public static readonly string RateRule = $"A service charge rate is a fraction from 0 to {MaxRate} with at most {RateDecimals} decimals (0.18 is 18%).";

    /// <summary>Whether this rule charges an order of <paramref name="guests"/> guests (an order that did not say is not charged).</summary>
    public bool Applies(int? guests) => guests >= MinGuests;

    internal IEnumerable<FieldProblem> Problems()
    {
        if (!IsValidRate(Rate)) yield return new FieldProblem("serviceCharge.rate", RateRule);
        if (MinGuests is < 1 or > Orders.Order.MaxGuests)
            yield return new FieldProblem("serviceCharge.minGuests", $"minGuests is 1 to {Orders.Order.MaxGuests}.");
    }
}
