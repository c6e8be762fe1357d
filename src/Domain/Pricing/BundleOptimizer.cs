using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>One unit of a line to price; <see cref="Id"/> is the caller's index for it.</summary>
public readonly record struct PricedUnit(int Id, string MenuItemId, Money Price);

/// <summary>A bundle use and the unit that fills each of its slots, in slot order.</summary>
public sealed record BundleChoice(Bundle Bundle, IReadOnlyList<int> UnitIds);

/// <summary>
/// Finds the bundle uses that make a table's total as low as possible: exact, not greedy.
/// Units are merged into classes (same price, same slots); a use is a bundle plus the classes filling its slots,
/// kept only if it saves money. A depth-first search picks uses in canonical order (each multiset once), bounded by
/// giving every remaining unit the best per-unit saving any later use could give it (the slots of a bundle
/// relaxed apart). Ties: the first optimum in search order, where uses are ranked by saving (largest first), then
/// bundle id, then the classes they take; the caller's unit order decides which unit of a class is used first.
/// </summary>
public static class BundleOptimizer
{
    // Per-unit savings are compared in 1/60ths of a cent: 60 divides every slot count from 1 to 6 exactly.
    private const long Scale = 60;

    public static IReadOnlyList<BundleChoice> Cheapest(IReadOnlyList<PricedUnit> units, IReadOnlyList<Bundle> bundles)
    {
        var orderedBundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var classes = ClassesOf(units, orderedBundles);
        var uses = CandidateUses(classes, orderedBundles);
        if (uses.Count == 0) return [];

        var search = new Search(classes.Select(c => c.Units.Count).ToArray(), uses);
        search.Run(0, 0);

        var taken = new int[classes.Count];
        return search.Best.Select(useIndex =>
        {
            var use = uses[useIndex];
            var unitIds = use.Classes.Select(c => classes[c].Units[taken[c]++]).ToList();
            return new BundleChoice(orderedBundles[use.Bundle], unitIds);
        }).ToList();
    }

    private sealed record UnitClass(long Price, HashSet<(int Bundle, int Slot)> Slots, List<int> Units);

    private sealed record Use(int Bundle, int[] Classes, long Saving);

    private static List<UnitClass> ClassesOf(IReadOnlyList<PricedUnit> units, List<Bundle> bundles)
    {
        var slotsOfItem = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var b = 0; b < bundles.Count; b++)
            for (var s = 0; s < bundles[b].Slots.Count; s++)
                foreach (var itemId in bundles[b].Slots[s].Distinct())
                {
                    if (!slotsOfItem.TryGetValue(itemId, out var list)) slotsOfItem[itemId] = list = [];
                    list.Add((b, s));
                }

        var byKey = new Dictionary<(long, string), UnitClass>();
        foreach (var unit in units)
        {
            if (!slotsOfItem.TryGetValue(unit.MenuItemId, out var slots)) continue;
            var key = (unit.Price.Minor, string.Join(';', slots));
            if (!byKey.TryGetValue(key, out var unitClass))
                byKey[key] = unitClass = new UnitClass(unit.Price.Minor, [.. slots], []);
            unitClass.Units.Add(unit.Id);
        }
        return byKey.OrderByDescending(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => kv.Value).ToList();
    }

    private static List<Use> CandidateUses(List<UnitClass> classes, List<Bundle> bundles)
    {
        var uses = new List<Use>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var b = 0; b < bundles.Count; b++)
        {
            var bundle = bundles[b];
            var slotClasses = Enumerable.Range(0, bundle.Slots.Count)
                .Select(s => Enumerable.Range(0, classes.Count).Where(c => classes[c].Slots.Contains((b, s))).ToArray())
                .ToArray();
            if (slotClasses.Any(options => options.Length == 0)) continue;
            // The most the slots from s on can add; a partial fill that cannot beat the bundle price is dropped.
            var bestRest = new long[slotClasses.Length + 1];
            for (var s = slotClasses.Length - 1; s >= 0; s--)
                bestRest[s] = bestRest[s + 1] + slotClasses[s].Max(c => classes[c].Price);

            var fill = new int[slotClasses.Length];
            void Fill(int slot, long listPrice)
            {
                if (listPrice + bestRest[slot] <= bundle.Price.Minor) return;
                if (slot == fill.Length)
                {
                    var multiset = fill.Order().ToArray();
                    var affordable = multiset.GroupBy(c => c).All(g => g.Count() <= classes[g.Key].Units.Count);
                    if (affordable && seen.Add($"{b}:{string.Join(',', multiset)}"))
                        uses.Add(new Use(b, (int[])fill.Clone(), listPrice - bundle.Price.Minor));
                    return;
                }
                foreach (var c in slotClasses[slot])
                {
                    fill[slot] = c;
                    Fill(slot + 1, listPrice + classes[c].Price);
                }
            }
            Fill(0, 0);
        }
        uses.Sort((x, y) =>
        {
            var order = y.Saving.CompareTo(x.Saving);
            if (order == 0) order = x.Bundle.CompareTo(y.Bundle);
            for (var i = 0; order == 0 && i < x.Classes.Length; i++) order = x.Classes[i].CompareTo(y.Classes[i]);
            return order;
        });
        return uses;
    }

    private sealed class Search
    {
        private readonly int[] _counts;
        private readonly List<Use> _uses;
        // _bestGain[j][c]: the largest per-unit saving (scaled) any use from j on gives a unit of class c.
        private readonly long[][] _bestGain;
        private readonly List<int> _chosen = [];
        private long _bestSaving;

        public Search(int[] counts, List<Use> uses)
        {
            _counts = counts;
            _uses = uses;
            _bestGain = new long[uses.Count + 1][];
            _bestGain[uses.Count] = new long[counts.Length];
            for (var j = uses.Count - 1; j >= 0; j--)
            {
                _bestGain[j] = (long[])_bestGain[j + 1].Clone();
                var perUnit = uses[j].Saving * Scale / uses[j].Classes.Length;
                foreach (var c in uses[j].Classes) _bestGain[j][c] = Math.Max(_bestGain[j][c], perUnit);
            }
        }

        public IReadOnlyList<int> Best { get; private set; } = [];

        public void Run(int start, long saving)
        {
            if (saving > _bestSaving)
            {
                _bestSaving = saving;
                Best = [.. _chosen];
            }
            for (var j = start; j < _uses.Count; j++)
            {
                // The bound only shrinks as j grows, so the first use that cannot win ends this branch.
                if (Bound(j, saving) <= _bestSaving * Scale) return;
                var use = _uses[j];
                if (!TryTake(use.Classes)) continue;
                _chosen.Add(j);
                Run(j, saving + use.Saving);
                _chosen.RemoveAt(_chosen.Count - 1);
                foreach (var c in use.Classes) _counts[c]++;
            }
        }

        private long Bound(int from, long saving)
        {
            var bound = saving * Scale;
            var gains = _bestGain[from];
            for (var c = 0; c < _counts.Length; c++) bound += _counts[c] * gains[c];
            return bound;
        }

        private bool TryTake(int[] classes)
        {
            for (var i = 0; i < classes.Length; i++)
            {
                if (_counts[classes[i]] > 0)
                {
                    _counts[classes[i]]--;
                    continue;
                }
                for (var k = 0; k < i; k++) _counts[classes[k]]++;
                return false;
            }
            return true;
        }
    }
}
