namespace Restaurant.Domain.Pricing;

/// <summary>
/// Steps 3 to 6 of the bill, on what each diner's units cost after comps and bundles, each step rounded half away
/// from zero to the cent: the discounts (percentages first, each on what is left after the ones before it, then
/// amounts, none below zero), the service charge on what is left, the tax on what is left plus a taxable service
/// charge, and the total. Each diner's share carries their part of each step in proportion (largest remainder), so
/// the shares add up to the total exactly.
/// </summary>
public static class BillTotals
{
    public sealed record Result(IReadOnlyList<AppliedDiscount> Discounts, Money Discount, Money ServiceCharge, Money Tax, Money Total,
        IReadOnlyList<DinerShare> Shares);

    /// <param name="diners">Each diner's units after comps and bundles, in diner order.</param>
    public static Result Apply(IReadOnlyList<(string? Diner, long Amount)> diners, BillAdjustments adjustments, decimal taxRate)
    {
        var charged = diners.Sum(d => d.Amount);
        var applied = Discounts(charged, adjustments.Discounts);
        var discount = applied.Sum(d => d.Amount.Minor);
        var left = charged - discount;
        var serviceCharge = RoundToCent(left * adjustments.ServiceChargeRate);
        var taxed = left + (adjustments.ServiceChargeTaxable ? serviceCharge : 0);
        var tax = RoundToCent(taxed * taxRate);

        var amounts = diners.Select(d => d.Amount).ToList();
        var discountParts = Allocation.LargestRemainder(discount, amounts);
        var leftParts = amounts.Select((amount, i) => amount - discountParts[i]).ToList();
        var serviceParts = Allocation.LargestRemainder(serviceCharge, leftParts);
        var taxParts = Allocation.LargestRemainder(tax,
            leftParts.Select((part, i) => part + (adjustments.ServiceChargeTaxable ? serviceParts[i] : 0)).ToList());
        var shares = diners.Select((d, i) => new DinerShare(d.Diner, new Money(leftParts[i] + serviceParts[i] + taxParts[i]))).ToList();
        return new Result(applied, new Money(discount), new Money(serviceCharge), new Money(tax), new Money(left + serviceCharge + tax), shares);
    }

    /// <summary>Percentages first (in the order given), each on what the ones before left; then amounts, each at most what is left.</summary>
    private static List<AppliedDiscount> Discounts(long charged, IReadOnlyList<DiscountTerm> discounts)
    {
        var applied = new List<AppliedDiscount>(discounts.Count);
        var left = charged;
        foreach (var term in discounts.Where(d => d.Kind == DiscountKind.Percent).Concat(discounts.Where(d => d.Kind == DiscountKind.Amount)))
        {
            var amount = term.Kind == DiscountKind.Percent
                ? RoundToCent(left * term.Value / 100m)
                : (long)(term.Value * 100m);
            amount = Math.Clamp(amount, 0, left);
            left -= amount;
            applied.Add(new AppliedDiscount(term.DiscountId, term.Reason, new Money(amount)));
        }
        return applied;
    }

    private static long RoundToCent(decimal minor) => (long)Math.Round(minor, 0, MidpointRounding.AwayFromZero);
}
