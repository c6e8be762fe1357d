namespace Restaurant.Domain.Pricing;

/// <summary>Units that price alike: one price, the same bundle slots (<see cref="Signature"/> is their key).</summary>
internal sealed record UnitClass(long Price, string Signature, List<(int Bundle, int Slot)> Slots, List<int> Units);

/// <summary>A bundle that could save money on this order, with the classes that may fill each slot, dearest first.</summary>
internal sealed record Candidate(int Bundle, long Price, int[][] SlotClasses);

/// <summary>One use of a bundle: the class that fills each slot.</summary>
internal sealed record Use(int Bundle, int[] Classes);

/// <summary>
/// The most saving fill of one group of candidate bundles: branch and bound on bundle counts over the linear
/// relaxation, depth first, the ceiling branch first. A branch bounds one bundle's count (the fills of its first
/// slot) with one added row: the ceiling branch on a copy of its parent's tableau, the floor branch on the parent's
/// own, each restored by dual simplex, which gives up as soon as the node cannot beat the best fill found.
/// </summary>
internal sealed class BranchAndBound
{
    private readonly List<Candidate> _bundles;
    private readonly List<UnitClass> _classes;
    private readonly (int Bundle, int Slot, int Class)[] _fills; // the z variables
    private readonly int[][][] _fillsOfSlot; // [bundle][slot] → fill indexes, dearest class first
    private readonly double[] _gains;
    private readonly List<(int[] Columns, double[] Values, double Limit, bool Equality)> _startRows = [];
    private readonly Func<double, bool> _cannotWin;
    private long _bestSaving;
    private int[] _bestFills = [];

    public BranchAndBound(List<Candidate> bundles, List<UnitClass> classes)
    {
        _bundles = bundles;
        _classes = classes;
        _cannotWin = CannotWin;
        var fills = new List<(int, int, int)>();
        _fillsOfSlot = new int[bundles.Count][][];
        for (var b = 0; b < bundles.Count; b++)
        {
            var slots = bundles[b].SlotClasses;
            _fillsOfSlot[b] = new int[slots.Length][];
            for (var s = 0; s < slots.Length; s++)
            {
                _fillsOfSlot[b][s] = new int[slots[s].Length];
                for (var k = 0; k < slots[s].Length; k++)
                {
                    _fillsOfSlot[b][s][k] = fills.Count;
                    fills.Add((b, s, slots[s][k]));
                }
            }
        }
        _fills = [.. fills];

        // Every slot of a bundle is filled equally often, so any split of the bundle price over its slots prices a
        // use the same. Splitting by each slot's dearest option keeps the simplex from chasing fills of later
        // slots that the first slot can never match.
        _gains = new double[_fills.Length];
        foreach (var (bundle, fillsOfSlot) in bundles.Zip(_fillsOfSlot))
        {
            var dearest = bundle.SlotClasses.Select(options => (double)classes[options[0]].Price).ToArray();
            var total = dearest.Sum();
            for (var s = 0; s < dearest.Length; s++)
            {
                var share = bundle.Price * dearest[s] / total;
                foreach (var f in fillsOfSlot[s]) _gains[f] = classes[_fills[f].Class].Price - share;
            }
        }

        // Slot s of a bundle is filled exactly as often as slot 0.
        foreach (var fillsOfSlot in _fillsOfSlot)
            for (var s = 1; s < fillsOfSlot.Length; s++)
            {
                int[] columns = [.. fillsOfSlot[s], .. fillsOfSlot[0]];
                var values = new double[columns.Length];
                for (var k = 0; k < values.Length; k++) values[k] = k < fillsOfSlot[s].Length ? 1 : -1;
                _startRows.Add((columns, values, 0, true));
            }
        // No class gives more units than it has (rows in the order the classes first appear among the fills).
        var fillsOfClass = new List<int>?[classes.Count];
        var classOrder = new List<int>();
        for (var f = 0; f < _fills.Length; f++)
        {
            var c = _fills[f].Class;
            if (fillsOfClass[c] is null) classOrder.Add(c);
            (fillsOfClass[c] ??= []).Add(f);
        }
        foreach (var c in classOrder)
        {
            var columns = fillsOfClass[c]!.ToArray();
            _startRows.Add((columns, Enumerable.Repeat(1.0, columns.Length).ToArray(), classes[c].Units.Count, false));
        }
    }

    public List<Use> Solve()
    {
        using var tableau = new SimplexTableau(_fills.Length, _gains, _startRows);
        tableau.Optimize();
        Explore(tableau);
        return Uses();
    }

    /// <summary>Savings are whole cents, so a relaxation that cannot reach the next cent cannot win. The tolerance
    /// grows with the value, as a double's rounding does.</summary>
    private bool CannotWin(double relaxation) =>
        (long)Math.Floor(relaxation + Math.Max(1e-6, Math.Abs(relaxation) * 1e-12)) <= _bestSaving;

    /// <summary>Explores the node whose relaxation the tableau holds, solved; the tableau is spent afterwards.</summary>
    private void Explore(SimplexTableau tableau)
    {
        if (CannotWin(tableau.Value)) return;
        var x = tableau.Solution();
        // Branch on the first clearly fractional count, so that both branches tighten a bound by at least one.
        for (var b = 0; b < _bundles.Count; b++)
        {
            var firstSlot = _fillsOfSlot[b][0];
            var count = 0.0;
            foreach (var f in firstSlot) count += x[f];
            if (Math.Abs(count - Math.Round(count)) <= 1e-6) continue;

            using (var above = tableau.Copy())
            {
                above.Add(firstSlot, -1, -Math.Ceiling(count));
                if (above.Restore(_cannotWin)) Explore(above);
            }
            tableau.Add(firstSlot, 1, Math.Floor(count));
            if (tableau.Restore(_cannotWin)) Explore(tableau);
            return;
        }
        var z = new int[x.Length];
        for (var f = 0; f < z.Length; f++) z[f] = (int)Math.Round(x[f]);
        Consider(z);
    }

    /// <summary>Keeps an integral fill only if it is consistent and fits the units (checked exactly) and saves more.</summary>
    private void Consider(int[] z)
    {
        var given = new int[_classes.Count];
        long saving = 0;
        for (var f = 0; f < _fills.Length; f++)
        {
            var (bundle, slot, c) = _fills[f];
            given[c] += z[f];
            // A fill's part of the saving: its unit's list price, less the bundle price on the first slot.
            saving += (_classes[c].Price - (slot == 0 ? _bundles[bundle].Price : 0)) * z[f];
        }
        for (var c = 0; c < given.Length; c++)
            if (given[c] > _classes[c].Units.Count) return;
        foreach (var fillsOfSlot in _fillsOfSlot)
            foreach (var fills in fillsOfSlot)
                if (UnitsIn(fills, z) != UnitsIn(fillsOfSlot[0], z)) return;
        if (saving <= _bestSaving) return;
        _bestSaving = saving;
        _bestFills = z;
    }

    /// <summary>
    /// Turns the best fill counts into uses: the i-th use of a bundle takes the i-th dearest fill of every slot.
    /// Any pairing has the same total; a use that saves nothing is dropped (its units stay at list price).
    /// </summary>
    private List<Use> Uses()
    {
        var uses = new List<Use>();
        if (_bestFills.Length == 0) return uses;
        for (var b = 0; b < _bundles.Count; b++)
        {
            // A slot's fills run dearest class first, so listing them in order sorts the slot's units.
            var slots = new int[_fillsOfSlot[b].Length][];
            for (var s = 0; s < slots.Length; s++)
            {
                var fills = _fillsOfSlot[b][s];
                slots[s] = new int[UnitsIn(fills, _bestFills)];
                var k = 0;
                foreach (var f in fills)
                    for (var n = 0; n < _bestFills[f]; n++) slots[s][k++] = _fills[f].Class;
            }
            for (var i = 0; i < slots[0].Length; i++)
            {
                var fill = new int[slots.Length];
                long listPrice = 0;
                for (var s = 0; s < slots.Length; s++) listPrice += _classes[fill[s] = slots[s][i]].Price;
                if (listPrice > _bundles[b].Price) uses.Add(new Use(_bundles[b].Bundle, fill));
            }
        }
        return uses;
    }

    private static int UnitsIn(int[] fills, int[] z)
    {
        var units = 0;
        foreach (var f in fills) units += z[f];
        return units;
    }
}
