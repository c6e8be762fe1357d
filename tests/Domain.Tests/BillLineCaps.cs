using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>Generated orders kept within a unit limit, so the brute-force oracle stays quick.</summary>
public static class BillLineCaps
{
    /// <summary>Keeps the first lines up to <paramref name="maxUnits"/> units, cutting the quantity of the last one.</summary>
    public static IReadOnlyList<BillLine> CappedAt(this IEnumerable<BillLine> lines, int maxUnits)
    {
        var kept = new List<BillLine>();
        var units = 0;
        foreach (var line in lines)
        {
            var quantity = Math.Min(line.Quantity, maxUnits - units);
            if (quantity == 0) break;
            kept.Add(line with { Quantity = quantity });
            units += quantity;
        }
        return kept;
    }
}
