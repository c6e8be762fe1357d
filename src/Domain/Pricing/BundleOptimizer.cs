using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>One unit of a line to price; <see cref="Id"/> is the caller's index for it.</summary>
public readonly record struct PricedUnit(int Id, string MenuItemId, Money Price);

/// <summary>A bundle use and the unit that fills each of its slots, in slot order.</summary>
public sealed record BundleChoice(Bundle Bundle, IReadOnlyList<int> UnitIds);

/// <summary>
/// Finds the bundle uses that make a table's total as low as possible: exact, not greedy. Bundles that cannot save on
/// this order, or that another bundle dominates, are left out (<see cref="BundleCandidates"/>, <see cref="Dominance"/>);
/// units are grouped into signatures (items fitting the same slots); groups of bundles that share no signature are
/// priced apart, each by branch and bound over its <see cref="BundleProgram"/>. The search is bounded by a
/// <see cref="PricingBudget"/>: if that runs out, the best bundling found is returned and the plan says so.
/// Ties go to the first optimum found: the rounded root relaxation, else the ceiling branch of the first fractional
/// family (<see cref="BranchAndBound"/>). A signature's dearest units go to the first bundles by id, and among equal
/// prices the caller's unit order decides which unit fills a slot.
/// </summary>
public static class BundleOptimizer
{
    public static BundlePlan Cheapest(IReadOnlyList<PricedUnit> units, IReadOnlyList<Bundle> bundles,
        PricingBudget? budget = null, CancellationToken cancellationToken = default)
    {
        var orderedBundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var (candidates, signatures) = BundleCandidates.Build(units, orderedBundles);
        var work = new SearchWork(budget ?? PricingBudget.Default, cancellationToken);
        var taken = new int[signatures.Count];
        var choices = new List<BundleChoice>();
        foreach (var group in IndependentGroups(candidates, signatures.Count))
        {
            var program = new BundleProgram(group, candidates, signatures);
            var fills = new BranchAndBound(program, work).Solve();
            foreach (var (bundle, unitIds) in Uses(program, fills, taken))
                choices.Add(new BundleChoice(orderedBundles[bundle], unitIds));
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new BundlePlan(choices.OrderBy(c => c.Bundle.Id, StringComparer.Ordinal).ToList(), !work.Exhausted && !work.Abandoned, work.Pivots, work.Nodes, work.Depth);
    }

    /// <summary>
    /// Turns fill counts into uses. Each signature hands out its units dearest first, to bundles in id order; the
    /// i-th use of a bundle takes the i-th dearest unit of every slot. Any pairing has the same total; a use that
    /// saves nothing is dropped (its units stay at list price).
    /// </summary>
    private static IEnumerable<(int Bundle, int[] UnitIds)> Uses(BundleProgram program, int[] fills, int[] taken)
    {
        for (var b = 0; b < program.Bundles.Count; b++)
        {
            var slotUnits = new List<(int Id, long Price)>[program.FillsOfSlot[b].Length];
            for (var s = 0; s < slotUnits.Length; s++)
            {
                slotUnits[s] = [];
                foreach (var f in program.FillsOfSlot[b][s])
                {
                    var signature = program.Fills[f].Signature;
                    for (var n = 0; n < fills[f]; n++) slotUnits[s].Add(program.SignatureOf(f).Units[taken[signature]++]);
                }
                slotUnits[s] = [.. slotUnits[s].OrderByDescending(u => u.Price)]; // stable: equal prices keep their order
            }
            for (var i = 0; i < slotUnits[0].Count; i++)
            {
                var unitIds = new int[slotUnits.Length];
                long listPrice = 0;
                for (var s = 0; s < slotUnits.Length; s++)
                {
                    unitIds[s] = slotUnits[s][i].Id;
                    listPrice += slotUnits[s][i].Price;
                }
                if (listPrice > program.Bundles[b].Price) yield return (program.Bundles[b].Bundle, unitIds);
            }
        }
    }

    /// <summary>Candidates (by number) in groups that share no signature, each in candidate order.</summary>
    private static List<List<int>> IndependentGroups(List<Candidate> candidates, int signatureCount)
    {
        var parent = new int[signatureCount];
        for (var c = 0; c < signatureCount; c++) parent[c] = c;
        int Root(int c) => parent[c] == c ? c : parent[c] = Root(parent[c]);
        foreach (var candidate in candidates)
        {
            var first = Root(candidate.SlotSignatures[0][0]);
            foreach (var options in candidate.SlotSignatures)
                foreach (var c in options) parent[Root(c)] = first;
        }
        var groups = new List<List<int>>();
        var groupOfRoot = new Dictionary<int, int>();
        for (var k = 0; k < candidates.Count; k++)
        {
            var root = Root(candidates[k].SlotSignatures[0][0]);
            if (!groupOfRoot.TryGetValue(root, out var group))
            {
                groupOfRoot[root] = group = groups.Count;
                groups.Add([]);
            }
            groups[group].Add(k);
        }
        return groups;
    }
}
