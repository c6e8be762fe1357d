using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The lowest pre-tax amount a table can pay, found by trying every way to group its units into bundle uses
/// (each unit in at most one use, each slot filled by one unit of an item it lists). Deliberately naive: it shares
/// no code or idea with <see cref="BundleOptimizer"/> beyond the rules of the menu. Only for small tables.
/// The rules of a line: a comped unit costs nothing and fills no slot; a unit's options are paid on top of whatever its
/// item costs, so a unit takes a slot by its item at the item's price (its unit price less its options).
/// </summary>
public static class BruteForceOracle
{
    public const int MaxUnits = 16;

    public static long CheapestAmount(IReadOnlyList<BillLine> lines, IReadOnlyList<Bundle> bundles)
    {
        var paid = lines.Where(l => !l.Comped).ToList();
        var optionsOnTop = paid.Sum(l => l.Quantity * l.Options.Sum(o => o.Price.Minor));
        var units = paid.SelectMany(l => Enumerable.Repeat((Item: l.MenuItemId, Price: l.UnitPrice.Minor - l.Options.Sum(o => o.Price.Minor)), l.Quantity)).ToArray();
        if (units.Length > MaxUnits) throw new ArgumentException($"The oracle only handles up to {MaxUnits} units.", nameof(lines));
        var all = (1 << units.Length) - 1;
        var memo = new Dictionary<int, long>();

        // Best(decided): the least the units not in 'decided' can cost. The lowest undecided unit is either paid at
        // its own price or takes one slot of a bundle use whose other slots take other undecided units.
        long Best(int decided)
        {
            if (decided == all) return 0;
            if (memo.TryGetValue(decided, out var known)) return known;
            var first = 0;
            while ((decided & (1 << first)) != 0) first++;
            var withFirst = decided | (1 << first);

            var best = units[first].Price + Best(withFirst);
            foreach (var bundle in bundles)
            {
                for (var slot = 0; slot < bundle.Slots.Count; slot++)
                {
                    if (!bundle.Slots[slot].Contains(units[first].Item)) continue;
                    var others = Enumerable.Range(0, bundle.Slots.Count).Where(s => s != slot).ToArray();
                    best = Math.Min(best, FillOthers(bundle, others, 0, withFirst));
                }
            }
            memo[decided] = best;
            return best;
        }

        long FillOthers(Bundle bundle, int[] others, int next, int decided)
        {
            if (next == others.Length) return bundle.Price.Minor + Best(decided);
            var best = long.MaxValue;
            for (var u = 0; u < units.Length; u++)
            {
                if ((decided & (1 << u)) != 0 || !bundle.Slots[others[next]].Contains(units[u].Item)) continue;
                var cost = FillOthers(bundle, others, next + 1, decided | (1 << u));
                if (cost < best) best = cost;
            }
            return best;
        }

        return optionsOnTop + Best(0);
    }
}
