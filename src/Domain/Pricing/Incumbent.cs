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
        var used = new Dictionary<int, int>();
        for (var f = 0; f < z.Length; f++)
            if (z[f] != 0) used[program.Fills[f].Signature] = used.GetValueOrDefault(program.Fills[f].Signature) + z[f];
        while (true)
        {
            long bestSaving = 0;
            int[]? bestFills = null;
            for (var b = 0; b < program.Bundles.Count; b++)
                if (OneUse(program, b, used) is ({ } fills, var saving) && saving > bestSaving)
                    (bestSaving, bestFills) = (saving, fills);
            if (bestFills is null) return;
            foreach (var f in bestFills)
            {
                z[f]++;
                used[program.Fills[f].Signature] = used.GetValueOrDefault(program.Fills[f].Signature) + 1;
            }
        }
    }

    /// <summary>One more use of bundle <paramref name="b"/>: each slot in turn takes the dearest unit left that fits it.</summary>
    private static (int[]? Fills, long Saving) OneUse(BundleProgram program, int b, Dictionary<int, int> used)
    {
        var slots = program.FillsOfSlot[b];
        var fills = new int[slots.Length];
        var taken = new Dictionary<int, int>();
        long listPrice = 0;
        for (var s = 0; s < slots.Length; s++)
        {
            var best = -1;
            long bestPrice = 0;
            foreach (var f in slots[s])
            {
                var signature = program.Fills[f].Signature;
                var next = used.GetValueOrDefault(signature) + taken.GetValueOrDefault(signature);
                var units = program.SignatureOf(f).Units;
                if (next < units.Count && units[next].Price > bestPrice) (best, bestPrice) = (f, units[next].Price);
            }
            if (best < 0) return (null, 0);
            fills[s] = best;
            taken[program.Fills[best].Signature] = taken.GetValueOrDefault(program.Fills[best].Signature) + 1;
            listPrice += bestPrice;
        }
        return (fills, listPrice - program.Bundles[b].Price);
    }
}
