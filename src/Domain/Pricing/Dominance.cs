namespace Restaurant.Domain.Pricing;

/// <summary>A bundle as this order sees it: each slot as the order's items it takes (item numbers, ascending).</summary>
internal sealed record BundleShape(int Bundle, long Price, int[][] Slots);

/// <summary>
/// Drops bundles that another bundle makes useless for this order. A dominates B when A costs no more, has as many
/// slots, and B's slots can be matched one to one to A's with each A slot taking every item (of this order) that its
/// B slot takes: any use of B can then be a use of A with the same units, for no more. When A and B take the same
/// items at the same price the first by id is kept, so the bill stays deterministic. This removes duplicates and
/// bundles that differ only in price, the menus whose symmetric relaxations would otherwise blow up the search.
/// </summary>
internal static class Dominance
{
    /// <summary>The shapes no other shape dominates, in their order (bundle id order).</summary>
    public static List<BundleShape> Undominated(List<BundleShape> shapes)
    {
        var kept = new List<BundleShape>(shapes.Count);
        for (var i = 0; i < shapes.Count; i++)
        {
            var dominated = false;
            for (var j = 0; j < shapes.Count && !dominated; j++)
                dominated = j != i && Dominates(shapes[j], shapes[i], firstById: j < i);
            if (!dominated) kept.Add(shapes[i]);
        }
        return kept;
    }

    /// <summary>
    /// A strict order: irreflexive, and acyclic because equal shapes at equal prices are ordered by id, so following
    /// dominators from any dropped shape ends at a kept one that dominates it.
    /// </summary>
    public static bool Dominates(BundleShape a, BundleShape b, bool firstById)
    {
        if (a.Slots.Length != b.Slots.Length || a.Price > b.Price || !Covers(a, b)) return false;
        return a.Price < b.Price || !Covers(b, a) || firstById;
    }

    /// <summary>Whether every slot of <paramref name="b"/> can be given its own slot of <paramref name="a"/> that takes all its items.</summary>
    private static bool Covers(BundleShape a, BundleShape b)
    {
        var slots = a.Slots.Length;
        var matchOfA = new int[slots];
        Array.Fill(matchOfA, -1);
        for (var s = 0; s < slots; s++)
            if (!Augment(s, new bool[slots])) return false;
        return true;

        // Kuhn's augmenting path: a bipartite matching on at most six slots a side.
        bool Augment(int bSlot, bool[] seen)
        {
            for (var t = 0; t < slots; t++)
            {
                if (seen[t] || !IsSuperset(a.Slots[t], b.Slots[bSlot])) continue;
                seen[t] = true;
                if (matchOfA[t] < 0 || Augment(matchOfA[t], seen))
                {
                    matchOfA[t] = bSlot;
                    return true;
                }
            }
            return false;
        }
    }

    private static bool IsSuperset(int[] larger, int[] smaller)
    {
        if (smaller.Length > larger.Length) return false;
        var k = 0;
        foreach (var item in smaller)
        {
            while (k < larger.Length && larger[k] < item) k++;
            if (k == larger.Length || larger[k] != item) return false;
            k++;
        }
        return true;
    }
}
