namespace Restaurant.Domain.Pricing;

public enum DiscountKind
{
    /// <summary>A percentage (0 &lt; value ≤ 100) of what is left to charge.</summary>
    Percent,
    /// <summary>A fixed amount in the menu's currency, never more than what is left to charge.</summary>
    Amount,
}

/// <summary>One discount as the bill applies it: its kind and value as staff gave them.</summary>
public sealed record DiscountTerm(string DiscountId, string Reason, DiscountKind Kind, decimal Value);

/// <summary>What the bill takes off and adds after the bundles (steps 3 to 5 of the bill, docs/api.md).</summary>
/// <param name="ServiceChargeRate">The rate in force for this order: its own, else the menu's rule for its guests, else 0.</param>
/// <param name="ServiceChargeTaxable">Whether tax is charged on the service charge too.</param>
public sealed record BillAdjustments(IReadOnlyList<DiscountTerm> Discounts, decimal ServiceChargeRate, bool ServiceChargeTaxable)
{
    public static readonly BillAdjustments None = new([], 0m, false);
}

/// <summary>What one discount took off the bill.</summary>
public sealed record AppliedDiscount(string DiscountId, string Reason, Money Amount);
