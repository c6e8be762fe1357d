using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The lowest pre-tax amount a table can pay, by the plainest exact method that still finishes on large tables:
/// variables z[bundle, slot, item and price] (how many units of that item at that price fill the slot), each slot of
/// a bundle filled as often as its first, no more units of an item at a price than ordered; depth-first branch and
/// bound on single bundle counts, every node's relaxation solved from scratch by a dense two-phase simplex
/// (<see cref="DenseSimplex"/>). Shares no code with <see cref="BundleOptimizer"/>: no classes of interchangeable
/// items, no dominance, no cuts, no warm starts, no copies. Slow; only for agreement tests.
/// </summary>
public static class PlainReference
{
    public static long CheapestAmount(IReadOnlyList<BillLine> lines, IReadOnlyList<Bundle> bundles)
    {
        var classes = lines.GroupBy(l => (l.MenuItemId, Price: l.UnitPrice.Minor))
            .Select(g => (g.Key.MenuItemId, g.Key.Price, Count: g.Sum(l => l.Quantity)))
            .OrderBy(c => c.MenuItemId, StringComparer.Ordinal).ThenBy(c => c.Price).ToList();
        var total = classes.Sum(c => c.Price * c.Count);

        var variables = new List<(int Bundle, int Slot, int Class)>();
        for (var b = 0; b < bundles.Count; b++)
            for (var s = 0; s < bundles[b].Slots.Count; s++)
                for (var c = 0; c < classes.Count; c++)
                    if (bundles[b].Slots[s].Contains(classes[c].MenuItemId)) variables.Add((b, s, c));
        int[] Where(Func<(int Bundle, int Slot, int Class), bool> test) => Enumerable.Range(0, variables.Count).Where(j => test(variables[j])).ToArray();

        var objective = variables.Select(v => (double)(classes[v.Class].Price - (v.Slot == 0 ? bundles[v.Bundle].Price.Minor : 0))).ToArray();
        var rows = new List<(double[] A, double B)>();
        double[] Row(int[] plus, int[] minus)
        {
            var a = new double[variables.Count];
            foreach (var j in plus) a[j] += 1;
            foreach (var j in minus) a[j] -= 1;
            return a;
        }
        for (var c = 0; c < classes.Count; c++) rows.Add((Row(Where(v => v.Class == c), []), classes[c].Count));
        var firstSlot = new int[bundles.Count][];
        for (var b = 0; b < bundles.Count; b++)
        {
            firstSlot[b] = Where(v => v.Bundle == b && v.Slot == 0);
            for (var s = 1; s < bundles[b].Slots.Count; s++)
            {
                var slot = Where(v => v.Bundle == b && v.Slot == s);
                rows.Add((Row(slot, firstSlot[b]), 0)); // the slot filled as often as the first, as two "≤" rows
                rows.Add((Row(firstSlot[b], slot), 0));
            }
        }

        long best = 0;
        void Explore(List<(double[] A, double B)> node)
        {
            if (DenseSimplex.Maximize(objective, node) is not { } lp) return;
            if ((long)Math.Floor(lp.Value + 1e-6) <= best) return;
            // The first bundle whose count is fractional; else the first fractional variable; else a bundling.
            var branch = Enumerable.Range(0, bundles.Count).Select(b => firstSlot[b]).Concat(Enumerable.Range(0, variables.Count).Select(j => new[] { j }))
                .FirstOrDefault(columns => Math.Abs(columns.Sum(j => lp.X[j]) - Math.Round(columns.Sum(j => lp.X[j]))) > 1e-6);
            if (branch is null)
            {
                best = Math.Max(best, (long)Math.Round(lp.Value));
                return;
            }
            var count = branch.Sum(j => lp.X[j]);
            Explore([.. node, (Row(branch, []), Math.Floor(count))]);
            Explore([.. node, (Row([], branch), -Math.Ceiling(count))]);
        }
        Explore(rows);
        return total - best;
    }
}
