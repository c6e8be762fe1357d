namespace Restaurant.Domain.Pricing;

/// <summary>
/// A good bundling found cheaply, so that the search prunes from the start and a search that runs out of work still
/// bills well: the relaxation's fills rounded down and cut to a bundling, then the best single use added while one
/// still saves money.
/// </summary>
internal static class Incumbent
{
    public static int[] FromRelaxation(BundleProgram program, double[] x)
    {
        var z = new int[program.Fills.Length];
        for (var f = 0; f < z.Length; f++) z[f] = (int)Math.Floor(x[f] + 1e-6);
        foreach (var fillsOfSlot in program.FillsOfSlot)
        {
            var count = fillsOfSlot.Min(fills => BundleProgram.UnitsIn(fills, z));
            foreach (var fills in fillsOfSlot)
            {
                // Give back the cheapest signatures' units first (a slot's fills run dearest first).
                var excess = BundleProgram.UnitsIn(fills, z) - count;
                for (var k = fills.Length - 1; excess > 0; k--)
                {
                    var cut = Math.Min(excess, z[fills[k]]);
                    z[fills[k]] -= cut;
                    excess -= cut;
                }
            }
        }
        if (program.Saving(z) is null) Array.Clear(z);
        AddUses(program, z);
        return z;
    }

    /// <summary>Adds the use that saves most (the first bundle on a tie) for as long as one saves anything.</summary>
    public static void AddUses(BundleProgram program, int[] z)
    {
        var used = program.UnitsUsed(z);
        var taken = new int[used.Length];
        var fills = new int[program.FillsOfSlot.Max(slots => slots.Length)];
        var bestFills = new int[fills.Length];
        while (true)
        {
            long bestSaving = 0;
            var best = -1;
            for (var b = 0; b < program.Bundles.Count; b++)
                if (OneUse(program, b, used, taken, fills) is { } saving && saving > bestSaving)
                {
                    (bestSaving, best) = (saving, b);
                    Array.Copy(fills, bestFills, program.FillsOfSlot[b].Length);
                }
            if (best < 0) return;
            for (var s = 0; s < program.FillsOfSlot[best].Length; s++)
            {
                z[bestFills[s]]++;
                used[program.Fills[bestFills[s]].Signature]++;
            }
        }
    }

    /// <summary>
    /// One more use of bundle <paramref name="b"/>, each slot in turn taking the dearest unit left that fits it, into
    /// <paramref name="fills"/>: its saving, or null if some slot finds no unit.
    /// </summary>
    private static long? OneUse(BundleProgram program, int b, int[] used, int[] taken, int[] fills)
    {
        var slots = program.FillsOfSlot[b];
        long listPrice = 0;
        long? saving = null;
        var s = 0;
        for (; s < slots.Length; s++)
        {
            var best = -1;
            long bestPrice = 0;
            foreach (var f in slots[s])
            {
                var signature = program.Fills[f].Signature;
                var next = used[signature] + taken[signature];
                var units = program.SignatureOf(f).Units;
                if (next < units.Count && units[next].Price > bestPrice) (best, bestPrice) = (f, units[next].Price);
            }
            if (best < 0) break;
            fills[s] = best;
            taken[program.Fills[best].Signature]++;
            listPrice += bestPrice;
        }
        if (s == slots.Length) saving = listPrice - program.Bundles[b].Price;
        for (var k = 0; k < s; k++) taken[program.Fills[fills[k]].Signature]--;
        return saving;
    }
}
