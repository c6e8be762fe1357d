using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>One unit of a line to price; <see cref="Id"/> is the caller's index for it.</summary>
public readonly record struct PricedUnit(int Id, string MenuItemId, Money Price);

/// <summary>A bundle use and the unit that fills each of its slots, in slot order.</summary>
public sealed record BundleChoice(Bundle Bundle, IReadOnlyList<int> UnitIds);

/// <summary>
/// Finds the bundle uses that make a table's total as low as possible: exact, not greedy.
/// Units are merged into classes (same price, same bundle slots). Variables z[slot, class] say how many units of a
/// class fill a slot; every slot of a bundle is filled as often as the bundle is used, and no class gives more units
/// than it has. Once the bundle counts are fixed the rest is a transportation problem, whose optimum is integral, so
/// branch and bound on the linear relaxation branches on bundle counts only. Groups of classes that share no bundle
/// are priced apart.
/// Ties go to the first optimum found: the ceiling branch of the first fractional bundle (by id) is explored first;
/// the caller's unit order decides which unit of a class fills a slot.
/// </summary>
public static class BundleOptimizer
{
    public static IReadOnlyList<BundleChoice> Cheapest(IReadOnlyList<PricedUnit> units, IReadOnlyList<Bundle> bundles)
    {
        var orderedBundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var classes = ClassesOf(units, orderedBundles);
        var classesOfSlot = orderedBundles.Select(b => b.Slots.Select(_ => new List<int>()).ToArray()).ToArray();
        for (var c = 0; c < classes.Count; c++)
            foreach (var (b, s) in classes[c].Slots) classesOfSlot[b][s].Add(c);
        var candidates = Enumerable.Range(0, orderedBundles.Count).Select(b => CandidateFor(b, orderedBundles[b], classesOfSlot[b], classes))
            .OfType<Candidate>().ToList();

        var taken = new int[classes.Count];
        var choices = new List<BundleChoice>();
        foreach (var group in IndependentGroups(candidates, classes.Count))
        {
            foreach (var use in new BranchAndBound(group, classes).Solve())
            {
                var unitIds = use.Classes.Select(c => classes[c].Units[taken[c]++]).ToList();
                choices.Add(new BundleChoice(orderedBundles[use.Bundle], unitIds));
            }
        }
        return choices.OrderBy(c => c.Bundle.Id, StringComparer.Ordinal).ToList();
    }

    private sealed record UnitClass(long Price, List<(int Bundle, int Slot)> Slots, List<int> Units);

    /// <summary>A bundle that could save money on this order, with the classes that may fill each slot.</summary>
    private sealed record Candidate(int Bundle, long Price, int[][] SlotClasses);

    private sealed record Use(int Bundle, int[] Classes);

    private static List<UnitClass> ClassesOf(IReadOnlyList<PricedUnit> units, List<Bundle> bundles)
    {
        var slotsOfItem = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var b = 0; b < bundles.Count; b++)
            for (var s = 0; s < bundles[b].Slots.Count; s++)
                foreach (var itemId in bundles[b].Slots[s])
                {
                    if (!slotsOfItem.TryGetValue(itemId, out var list)) slotsOfItem[itemId] = list = [];
                    if (list.Count == 0 || list[^1] != (b, s)) list.Add((b, s)); // an item named twice in one slot counts once
                }

        // One char per slot (bundle · 8 + slot fits a char: at most 50 bundles of 6 slots) keys a class cheaply.
        var signatures = slotsOfItem.ToDictionary(kv => kv.Key, kv => new string(kv.Value.Select(x => (char)(x.Item1 * 8 + x.Item2 + 1)).ToArray()),
            StringComparer.Ordinal);
        var byKey = new Dictionary<(long, string), UnitClass>();
        foreach (var unit in units)
        {
            if (!signatures.TryGetValue(unit.MenuItemId, out var signature)) continue;
            var key = (unit.Price.Minor, signature);
            if (!byKey.TryGetValue(key, out var unitClass))
                byKey[key] = unitClass = new UnitClass(unit.Price.Minor, slotsOfItem[unit.MenuItemId], []);
            unitClass.Units.Add(unit.Id);
        }
        return byKey.OrderByDescending(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => kv.Value).ToList();
    }

    /// <summary>Null when some slot has nothing to fill it, or even its dearest fill would not beat the bundle price.</summary>
    private static Candidate? CandidateFor(int b, Bundle bundle, List<int>[] classesOfSlot, List<UnitClass> classes)
    {
        var slotClasses = classesOfSlot.Select(options => options.ToArray()).ToArray();
        if (slotClasses.Any(options => options.Length == 0)) return null;
        var dearestFill = slotClasses.Sum(options => options.Max(c => classes[c].Price));
        return dearestFill > bundle.Price.Minor ? new Candidate(b, bundle.Price.Minor, slotClasses) : null;
    }

    private static IEnumerable<List<Candidate>> IndependentGroups(List<Candidate> candidates, int classCount)
    {
        var parent = Enumerable.Range(0, classCount).ToArray();
        int Root(int c) => parent[c] == c ? c : parent[c] = Root(parent[c]);
        foreach (var candidate in candidates)
        {
            var first = Root(candidate.SlotClasses[0][0]);
            foreach (var c in candidate.SlotClasses.SelectMany(options => options)) parent[Root(c)] = first;
        }
        return candidates.GroupBy(candidate => Root(candidate.SlotClasses[0][0])).Select(g => g.ToList());
    }

    private sealed class BranchAndBound
    {
        private readonly List<Candidate> _bundles;
        private readonly List<UnitClass> _classes;
        private readonly List<(int Bundle, int Slot, int Class)> _fills = []; // the z variables
        private readonly List<int>[][] _fillsOfSlot; // [bundle][slot] → fill indexes
        private readonly List<(int[] Columns, double[] Values, double Limit, bool Equality)> _startRows = [];
        private readonly double[] _gains;
        private long _bestSaving;
        private int[] _bestFills = [];

        public BranchAndBound(List<Candidate> bundles, List<UnitClass> classes)
        {
            _bundles = bundles;
            _classes = classes;
            for (var b = 0; b < bundles.Count; b++)
                for (var s = 0; s < bundles[b].SlotClasses.Length; s++)
                    foreach (var c in bundles[b].SlotClasses[s]) _fills.Add((b, s, c));
            _fillsOfSlot = bundles.Select(bundle => bundle.SlotClasses.Select(_ => new List<int>()).ToArray()).ToArray();
            var fillsOfClass = new Dictionary<int, List<int>>();
            for (var f = 0; f < _fills.Count; f++)
            {
                _fillsOfSlot[_fills[f].Bundle][_fills[f].Slot].Add(f);
                if (!fillsOfClass.TryGetValue(_fills[f].Class, out var list)) fillsOfClass[_fills[f].Class] = list = [];
                list.Add(f);
            }
            // Every slot of a bundle is filled equally often, so any split of the bundle price over its slots prices a
            // use the same. Splitting by each slot's dearest option keeps the simplex from chasing fills of later
            // slots that the first slot can never match.
            var slotShares = bundles.Select(bundle =>
            {
                var dearest = bundle.SlotClasses.Select(options => options.Max(c => (double)classes[c].Price)).ToArray();
                var total = dearest.Sum();
                return dearest.Select(price => bundle.Price * price / total).ToArray();
            }).ToArray();
            _gains = _fills.Select(f => classes[f.Class].Price - slotShares[f.Bundle][f.Slot]).ToArray();

            // Slot s of a bundle is filled exactly as often as slot 0.
            for (var b = 0; b < bundles.Count; b++)
                for (var s = 1; s < bundles[b].SlotClasses.Length; s++)
                {
                    int[] columns = [.. _fillsOfSlot[b][s], .. _fillsOfSlot[b][0]];
                    var values = columns.Select((_, k) => k < _fillsOfSlot[b][s].Count ? 1.0 : -1.0).ToArray();
                    _startRows.Add((columns, values, 0, true));
                }
            // No class gives more units than it has.
            foreach (var (c, fills) in fillsOfClass)
                _startRows.Add(([.. fills], fills.Select(_ => 1.0).ToArray(), classes[c].Units.Count, false));
        }

        public IEnumerable<Use> Solve()
        {
            var root = new SimplexTableau(_fills.Count, _gains, _startRows);
            root.Optimize();
            Explore(root);
            return Uses();
        }

        /// <summary>
        /// Explores a node whose relaxation is solved. A branch bounds one bundle's count (the fills of its first
        /// slot): the ceiling branch works on a copy, the floor branch on this tableau, each restored by dual simplex.
        /// </summary>
        private void Explore(SimplexTableau node)
        {
            // Savings are whole cents, so a relaxation that cannot reach the next cent cannot win. The tolerance
            // grows with the value, as a double's rounding does.
            if ((long)Math.Floor(node.Value + Math.Max(1e-6, Math.Abs(node.Value) * 1e-12)) <= _bestSaving) return;
            var x = node.Solution();
            var counts = UsesPerBundle(x);
            // Branch on a clearly fractional count, so that both branches tighten a bound by at least one.
            var branch = Array.FindIndex(counts, count => Math.Abs(count - Math.Round(count)) > 1e-6);
            if (branch < 0)
            {
                Consider(x.Select(z => (int)Math.Round(z)).ToArray());
                return;
            }
            int[] firstSlot = [.. _fillsOfSlot[branch][0]];
            var above = node.Copy();
            above.Add(firstSlot, firstSlot.Select(_ => -1.0).ToArray(), -Math.Ceiling(counts[branch]));
            if (above.Restore()) Explore(above);
            node.Add(firstSlot, firstSlot.Select(_ => 1.0).ToArray(), Math.Floor(counts[branch]));
            if (node.Restore()) Explore(node);
        }

        /// <summary>A fill's part of the saving: its unit's list price, less the bundle price on the first slot.</summary>
        private long Gain((int Bundle, int Slot, int Class) fill) =>
            _classes[fill.Class].Price - (fill.Slot == 0 ? _bundles[fill.Bundle].Price : 0);

        private double[] UsesPerBundle(double[] z)
        {
            var counts = new double[_bundles.Count];
            for (var f = 0; f < _fills.Count; f++)
                if (_fills[f].Slot == 0) counts[_fills[f].Bundle] += z[f];
            return counts;
        }

        /// <summary>Keeps an integral fill only if it is consistent and fits the units (checked exactly) and saves more.</summary>
        private void Consider(int[] z)
        {
            var given = new int[_classes.Count];
            long saving = 0;
            for (var f = 0; f < _fills.Count; f++)
            {
                given[_fills[f].Class] += z[f];
                saving += Gain(_fills[f]) * z[f];
            }
            var consistent = _fillsOfSlot.All(slots => slots.All(fills => fills.Sum(f => z[f]) == slots[0].Sum(f => z[f])));
            if (!consistent || given.Where((g, c) => g > _classes[c].Units.Count).Any() || saving <= _bestSaving) return;
            _bestSaving = saving;
            _bestFills = z;
        }

        /// <summary>
        /// Turns the best fill counts into uses: the i-th use of a bundle takes the i-th dearest fill of every slot.
        /// Any pairing has the same total; a use that saves nothing is dropped (its units stay at list price).
        /// </summary>
        private IEnumerable<Use> Uses()
        {
            if (_bestFills.Length == 0) yield break;
            for (var b = 0; b < _bundles.Count; b++)
            {
                var slots = _fillsOfSlot[b]
                    .Select(fills => fills
                        .SelectMany(f => Enumerable.Repeat(_fills[f].Class, _bestFills[f]))
                        .OrderByDescending(c => _classes[c].Price).ThenBy(c => c)
                        .ToList())
                    .ToList();
                for (var i = 0; i < slots[0].Count; i++)
                {
                    var fill = slots.Select(classes => classes[i]).ToArray();
                    if (fill.Sum(c => _classes[c].Price) > _bundles[b].Price) yield return new Use(_bundles[b].Bundle, fill);
                }
            }
        }
    }
}
