namespace Restaurant.Domain.Pricing;

public static class Allocation
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> so that the parts add up exactly:
    /// each part is rounded down, and the cents left over go to the largest remainders (earlier index on a tie).
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<long> weights)
    {
        var parts = new long[weights.Count];
        if (parts.Length == 0) return parts;
        Int128 weightSum = 0;
        foreach (var w in weights) weightSum += w;
        if (weightSum == 0)
        {
            parts[0] = total;
            return parts;
        }
        var remainders = new Int128[parts.Length];
        long given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = (Int128)total * weights[i];
            parts[i] = (long)(exact / weightSum);
            remainders[i] = exact % weightSum;
            given += parts[i];
        }
        var spare = (int)(total - given);
        if (spare <= 0) return parts;
        var order = new int[parts.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => remainders[x] != remainders[y] ? remainders[y].CompareTo(remainders[x]) : x.CompareTo(y));
        for (var k = 0; k < Math.Min(spare, order.Length); k++) parts[order[k]]++;
        return parts;
    }

    /// <summary>Tax in minor units on <paramref name="amount"/>, rounded half away from zero to the cent.</summary>
    public static Money Tax(Money amount, decimal taxRate) =>
        new((long)Math.Round(amount.Minor * taxRate, 0, MidpointRounding.AwayFromZero));
}
