using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The lowest pre-tax amount a table can pay, exactly, for menus of one shape at any size: one item (the shared one)
/// may be listed in any slot of any bundle, and every other item a bundle lists is its own (listed by no other
/// bundle; at most one such item a bundle). Shares no code or idea with <see cref="BundleOptimizer"/> beyond the
/// rules of the menu: a knapsack over unit counts. Units of one item are interchangeable but for price, so a bundling
/// that uses n of them may as well use the n dearest. Each bundle gets a table of the least it costs to take exactly
/// dx shared and dp own units in any number of uses; the bundles are then combined over the shared units.
/// </summary>
public static class SharedItemOracle
{
    private const long Unreachable = long.MaxValue / 4;

    public static long CheapestAmount(IReadOnlyList<BillLine> lines, IReadOnlyList<Bundle> bundles, string shared)
    {
        var prefixOf = lines.GroupBy(l => l.MenuItemId).ToDictionary(g => g.Key, g =>
        {
            var prices = g.SelectMany(l => Enumerable.Repeat(l.UnitPrice.Minor, l.Quantity)).OrderDescending().ToArray();
            var prefix = new long[prices.Length + 1];
            for (var i = 0; i < prices.Length; i++) prefix[i + 1] = prefix[i] + prices[i];
            return prefix;
        });
        long[] Prefix(string? item) => item is not null && prefixOf.TryGetValue(item, out var p) ? p : [0];
        var total = lines.Sum(l => l.Quantity * l.UnitPrice.Minor);
        var sharedUnits = Prefix(shared).Length - 1;

        // best[i]: the most the bundles considered so far can save beyond the shared units' own value, using i of them.
        var best = new long[sharedUnits + 1];
        Array.Fill(best, -Unreachable);
        best[0] = 0;
        // Items nobody ordered fill no slot: bundles are read as the order sees them.
        var seen = bundles
            .Select(b => b with { Slots = b.Slots.Select(s => (IReadOnlyList<string>)s.Where(prefixOf.ContainsKey).ToList()).ToList() })
            .Where(b => b.Slots.All(s => s.Count > 0))
            .ToList();
        foreach (var bundle in seen)
        {
            var own = OwnItem(bundle, seen, shared);
            var gain = Gains(bundle, shared, own, sharedUnits, Prefix(own));
            var next = (long[])best.Clone();
            for (var i = 0; i <= sharedUnits; i++)
                for (var dx = 1; best[i] > -Unreachable && i + dx <= sharedUnits; dx++)
                    if (gain[dx] > -Unreachable) next[i + dx] = Math.Max(next[i + dx], best[i] + gain[dx]);
            // Uses that take no shared unit at all.
            for (var i = 0; i <= sharedUnits; i++) next[i] = Math.Max(next[i], best[i] + Math.Max(0, gain[0]));
            best = next;
        }
        var saving = 0L;
        for (var i = 0; i <= sharedUnits; i++)
            if (best[i] > -Unreachable) saving = Math.Max(saving, Prefix(shared)[i] + best[i]);
        return total - saving;
    }

    /// <summary>gain[dx]: the most a bundle saves, less the shared units' value, in uses that take exactly dx shared units.</summary>
    private static long[] Gains(Bundle bundle, string shared, string? own, int sharedUnits, long[] ownPrefix)
    {
        var ownUnits = ownPrefix.Length - 1;
        // What one use can take: every way to give each slot the shared item or the bundle's own item.
        var shapes = new HashSet<(int Shared, int Own)>();
        void Shape(int slot, int dx, int dp)
        {
            if (slot == bundle.Slots.Count)
            {
                shapes.Add((dx, dp));
                return;
            }
            if (bundle.Slots[slot].Contains(shared) && sharedUnits > 0) Shape(slot + 1, dx + 1, dp);
            if (own is not null && bundle.Slots[slot].Contains(own) && ownUnits > 0) Shape(slot + 1, dx, dp + 1);
        }
        Shape(0, 0, 0);

        // cost[dx, dp]: the least the bundle's uses cost to take exactly that many units (an unbounded knapsack).
        var cost = new long[sharedUnits + 1, ownUnits + 1];
        for (var dx = 0; dx <= sharedUnits; dx++)
            for (var dp = 0; dp <= ownUnits; dp++)
            {
                cost[dx, dp] = dx == 0 && dp == 0 ? 0 : Unreachable;
                foreach (var (sx, sp) in shapes)
                    if (sx <= dx && sp <= dp && cost[dx - sx, dp - sp] < Unreachable)
                        cost[dx, dp] = Math.Min(cost[dx, dp], cost[dx - sx, dp - sp] + bundle.Price.Minor);
            }
        var gain = new long[sharedUnits + 1];
        for (var dx = 0; dx <= sharedUnits; dx++)
        {
            gain[dx] = -Unreachable;
            for (var dp = 0; dp <= ownUnits; dp++)
                if (cost[dx, dp] < Unreachable) gain[dx] = Math.Max(gain[dx], ownPrefix[dp] - cost[dx, dp]);
        }
        return gain;
    }

    /// <summary>The one item other than the shared one that the bundle lists, which no other bundle may list.</summary>
    private static string? OwnItem(Bundle bundle, IReadOnlyList<Bundle> bundles, string shared)
    {
        var others = bundle.Slots.SelectMany(s => s).Where(i => i != shared).Distinct().ToList();
        if (others.Count > 1) throw new ArgumentException($"Bundle {bundle.Id} lists more than one item besides {shared}.");
        if (others.Count == 1 && bundles.Any(b => !ReferenceEquals(b, bundle) && b.Slots.Any(s => s.Contains(others[0]))))
            throw new ArgumentException($"Item {others[0]} is listed by more than one bundle.");
        return others.SingleOrDefault();
    }
}
