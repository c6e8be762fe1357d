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
/// branch and bound on the linear relaxation (<see cref="BranchAndBound"/>) branches on bundle counts only. Groups of
/// classes that share no bundle are priced apart.
/// Ties go to the first optimum found: the ceiling branch of the first fractional bundle (by id) is explored first;
/// the caller's unit order decides which unit of a class fills a slot.
/// </summary>
public static class BundleOptimizer
{
    public static IReadOnlyList<BundleChoice> Cheapest(IReadOnlyList<PricedUnit> units, IReadOnlyList<Bundle> bundles)
    {
        var orderedBundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var classes = ClassesOf(units, orderedBundles);
        var classesOfSlot = new List<int>[orderedBundles.Count][];
        for (var b = 0; b < orderedBundles.Count; b++)
        {
            classesOfSlot[b] = new List<int>[orderedBundles[b].Slots.Count];
            for (var s = 0; s < classesOfSlot[b].Length; s++) classesOfSlot[b][s] = [];
        }
        for (var c = 0; c < classes.Count; c++)
            foreach (var (b, s) in classes[c].Slots) classesOfSlot[b][s].Add(c);
        var candidates = new List<Candidate>();
        for (var b = 0; b < orderedBundles.Count; b++)
            if (CandidateFor(b, orderedBundles[b], classesOfSlot[b], classes) is { } candidate) candidates.Add(candidate);

        var taken = new int[classes.Count];
        var choices = new List<BundleChoice>();
        foreach (var group in IndependentGroups(candidates, classes.Count))
        {
            foreach (var use in new BranchAndBound(group, classes).Solve())
            {
                var unitIds = new int[use.Classes.Length];
                for (var s = 0; s < unitIds.Length; s++) unitIds[s] = classes[use.Classes[s]].Units[taken[use.Classes[s]]++];
                choices.Add(new BundleChoice(orderedBundles[use.Bundle], unitIds));
            }
        }
        return choices.OrderBy(c => c.Bundle.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Classes dearest first, then by the slots they fit (ordinal on their keys).</summary>
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

        // Items that fit the same slots share a signature: one char per slot (bundle · 8 + slot fits a char: at most
        // 50 bundles of 6 slots). Classes are keyed by price and signature number, so a unit costs no string hashing
        // beyond its item id.
        var signatureOfItem = new Dictionary<string, int>(slotsOfItem.Count, StringComparer.Ordinal);
        var signatureNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var signatures = new List<string>();
        foreach (var (itemId, slots) in slotsOfItem)
        {
            var chars = new char[slots.Count];
            for (var k = 0; k < chars.Length; k++) chars[k] = (char)(slots[k].Item1 * 8 + slots[k].Item2 + 1);
            var signature = new string(chars);
            if (!signatureNumbers.TryGetValue(signature, out var number))
            {
                signatureNumbers[signature] = number = signatures.Count;
                signatures.Add(signature);
            }
            signatureOfItem[itemId] = number;
        }
        var byKey = new Dictionary<(long Price, int Signature), UnitClass>();
        foreach (var unit in units)
        {
            if (!signatureOfItem.TryGetValue(unit.MenuItemId, out var signature)) continue;
            var key = (unit.Price.Minor, signature);
            if (!byKey.TryGetValue(key, out var unitClass))
                byKey[key] = unitClass = new UnitClass(unit.Price.Minor, signatures[signature], slotsOfItem[unit.MenuItemId], []);
            unitClass.Units.Add(unit.Id);
        }
        var classes = byKey.Values.ToList();
        classes.Sort((x, y) => x.Price != y.Price ? y.Price.CompareTo(x.Price) : string.CompareOrdinal(x.Signature, y.Signature));
        return classes;
    }

    /// <summary>Null when some slot has nothing to fill it, or even its dearest fill would not beat the bundle price.</summary>
    private static Candidate? CandidateFor(int b, Bundle bundle, List<int>[] classesOfSlot, List<UnitClass> classes)
    {
        var slotClasses = new int[classesOfSlot.Length][];
        long dearestFill = 0;
        for (var s = 0; s < slotClasses.Length; s++)
        {
            if (classesOfSlot[s].Count == 0) return null;
            slotClasses[s] = [.. classesOfSlot[s]];
            dearestFill += classes[slotClasses[s][0]].Price; // classes come dearest first
        }
        return dearestFill > bundle.Price.Minor ? new Candidate(b, bundle.Price.Minor, slotClasses) : null;
    }

    private static List<List<Candidate>> IndependentGroups(List<Candidate> candidates, int classCount)
    {
        var parent = new int[classCount];
        for (var c = 0; c < classCount; c++) parent[c] = c;
        int Root(int c) => parent[c] == c ? c : parent[c] = Root(parent[c]);
        foreach (var candidate in candidates)
        {
            var first = Root(candidate.SlotClasses[0][0]);
            foreach (var options in candidate.SlotClasses)
                foreach (var c in options) parent[Root(c)] = first;
        }
        var groups = new List<List<Candidate>>();
        var groupOfRoot = new Dictionary<int, int>();
        foreach (var candidate in candidates)
        {
            var root = Root(candidate.SlotClasses[0][0]);
            if (!groupOfRoot.TryGetValue(root, out var group))
            {
                groupOfRoot[root] = group = groups.Count;
                groups.Add([]);
            }
            groups[group].Add(candidate);
        }
        return groups;
    }
}
