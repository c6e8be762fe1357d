using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>One unit of a line to price; <see cref="Id"/> is the caller's index for it.</summary>
public readonly record struct PricedUnit(int Id, string MenuItemId, Money Price);

/// <summary>A bundle use and the unit that fills each of its slots, in slot order.</summary>
public sealed record BundleChoice(Bundle Bundle, IReadOnlyList<int> UnitIds);

/// <summary>
/// Finds the bundle uses that make a table's total as low as possible: exact, not greedy.
/// Units are merged into classes (same price, same slots); a use is a bundle plus the classes filling its slots,
/// kept only if it saves money. Choosing how often to take each use is then an integer program with one row per
/// class, solved exactly by branch and bound on its linear relaxation.
/// Ties: the first optimum found, where uses are ranked by saving (largest first), then bundle id, then the classes
/// they take, and larger counts of earlier uses are tried first; the caller's unit order decides which unit of a
/// class fills a slot.
/// </summary>
public static class BundleOptimizer
{
    public static IReadOnlyList<BundleChoice> Cheapest(IReadOnlyList<PricedUnit> units, IReadOnlyList<Bundle> bundles)
    {
        var orderedBundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var classes = ClassesOf(units, orderedBundles);
        var uses = CandidateUses(classes, orderedBundles);
        if (uses.Count == 0) return [];

        var counts = new BranchAndBound(classes.Select(c => c.Units.Count).ToArray(), uses).Solve();

        var taken = new int[classes.Count];
        return uses.SelectMany((use, j) => Enumerable.Repeat(use, counts[j])).Select(use =>
        {
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

    /// <summary>
    /// Maximises Σ saving·count over use counts such that no class gives more units than it has: an integer program
    /// with one row per class. Depth-first branch and bound on its linear relaxation; the greedy choice (largest
    /// saving first) is the first incumbent, and the ceiling branch is explored first so good answers come early.
    /// </summary>
    private sealed class BranchAndBound
    {
        private readonly int[] _available;
        private readonly int[][] _uses; // _uses[j][c]: units of class c that one use j takes
        private readonly long[] _saving;
        private readonly double[][] _matrix;
        private long _bestSaving = -1;
        private int[] _bestCounts = [];

        public BranchAndBound(int[] available, List<Use> uses)
        {
            _available = available;
            _saving = uses.Select(u => u.Saving).ToArray();
            _uses = uses.Select(u =>
            {
                var take = new int[available.Length];
                foreach (var c in u.Classes) take[c]++;
                return take;
            }).ToArray();
            _matrix = Enumerable.Range(0, available.Length)
                .Select(c => _uses.Select(take => (double)take[c]).ToArray()).ToArray();
        }

        /// <summary>How many times each use is taken in the cheapest bundling.</summary>
        public int[] Solve()
        {
            Consider(Greedy());
            var upper = _uses.Select(take => Enumerable.Range(0, take.Length).Where(c => take[c] > 0).Min(c => _available[c] / take[c])).ToArray();
            Explore(new int[_uses.Length], upper);
            return _bestCounts;
        }

        private int[] Greedy()
        {
            var left = (int[])_available.Clone();
            var counts = new int[_uses.Length];
            for (var j = 0; j < _uses.Length; j++)
            {
                var take = _uses[j];
                var times = Enumerable.Range(0, left.Length).Where(c => take[c] > 0).Min(c => left[c] / take[c]);
                counts[j] = times;
                for (var c = 0; c < left.Length; c++) left[c] -= take[c] * times;
            }
            return counts;
        }

        private void Explore(int[] lower, int[] upper)
        {
            var residual = (int[])_available.Clone();
            long fixedSaving = 0;
            for (var j = 0; j < lower.Length; j++)
            {
                if (lower[j] > upper[j]) return;
                fixedSaving += _saving[j] * lower[j];
                for (var c = 0; c < residual.Length; c++) residual[c] -= _uses[j][c] * lower[j];
            }
            if (residual.Any(r => r < 0)) return;

            var (bound, x) = Relaxation(lower, upper, residual);
            // Savings are whole cents, so a relaxation that cannot reach the next cent cannot win.
            if ((long)Math.Floor(fixedSaving + bound + 1e-6) <= _bestSaving) return;

            // Branch on a clearly fractional count, so that both branches tighten a bound by at least one.
            var branch = -1;
            for (var j = 0; j < x.Length && branch < 0; j++)
                if (Math.Abs(x[j] - Math.Round(x[j])) > 1e-6) branch = j;
            if (branch < 0)
            {
                Consider(lower.Select((l, j) => l + (int)Math.Round(x[j])).ToArray());
                return;
            }
            var above = (int[])lower.Clone();
            above[branch] += (int)Math.Ceiling(x[branch]);
            Explore(above, upper);
            var below = (int[])upper.Clone();
            below[branch] = lower[branch] + (int)Math.Floor(x[branch]);
            Explore(lower, below);
        }

        /// <summary>The linear relaxation over what is left after the fixed lower bounds; upper bounds become rows.</summary>
        private (double Bound, double[] X) Relaxation(int[] lower, int[] upper, int[] residual)
        {
            var rows = new List<double[]>(_matrix);
            var limits = residual.Select(r => (double)r).ToList();
            for (var j = 0; j < upper.Length; j++)
            {
                // A bound the relaxation could not exceed anyway (even fractionally) needs no row.
                var capacity = Enumerable.Range(0, residual.Length).Where(c => _uses[j][c] > 0).Min(c => (double)residual[c] / _uses[j][c]);
                if (upper[j] - lower[j] >= capacity) continue;
                var row = new double[upper.Length];
                row[j] = 1;
                rows.Add(row);
                limits.Add(upper[j] - lower[j]);
            }
            return LinearProgram.Maximize([.. rows], [.. limits], _saving.Select(v => (double)v).ToArray());
        }

        /// <summary>Keeps a candidate only if it really fits the units (checked exactly) and saves strictly more.</summary>
        private void Consider(int[] counts)
        {
            var left = (int[])_available.Clone();
            long saving = 0;
            for (var j = 0; j < counts.Length; j++)
            {
                saving += _saving[j] * counts[j];
                for (var c = 0; c < left.Length; c++) left[c] -= _uses[j][c] * counts[j];
            }
            if (left.Any(l => l < 0) || saving <= _bestSaving) return;
            _bestSaving = saving;
            _bestCounts = counts;
        }
    }
}
