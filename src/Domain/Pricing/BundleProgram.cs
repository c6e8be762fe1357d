namespace Restaurant.Domain.Pricing;

/// <summary>One row of a linear program: Σ values · x[columns] ≤ limit, or = 0 when <see cref="Equality"/> (limit 0).</summary>
internal readonly record struct ProgramRow(int[] Columns, double[] Values, double Limit, bool Equality);

/// <summary>
/// The integer program for one group of candidate bundles (groups share no signature). Variables z[bundle, slot,
/// signature] say how many units of a signature fill a slot (the "fills"); every slot of a bundle is filled as often
/// as its first slot (the bundle's count), and no signature gives more units than it has. A signature's units are
/// taken dearest first, so the value of u units is concave in u: its first price class is the fills' gain, and each
/// cheaper class is a "layer" column that takes units at a loss of its difference to the first price, bounded by the
/// class's size. Once the bundle counts are fixed the rest is a flow problem, whose optimum is integral, so branch and
/// bound (<see cref="BranchAndBound"/>) branches on counts only: on the sums of <see cref="Families"/> of bundles.
/// </summary>
internal sealed class BundleProgram
{
    private readonly List<Signature> _signatures;
    private readonly Dictionary<int, int> _localOf; // candidate number → index in this group
    private readonly List<int> _signatureOrder;
    private int[][]? _families;

    /// <summary>The program for the candidates numbered <paramref name="group"/> (which share no signature with the rest).</summary>
    public BundleProgram(List<int> group, List<Candidate> candidates, List<Signature> signatures)
    {
        var bundles = group.Select(c => candidates[c]).ToList();
        Bundles = bundles;
        _signatures = signatures;
        _localOf = group.Select((c, b) => (c, b)).ToDictionary(x => x.c, x => x.b);
        var fills = new List<(int, int, int)>();
        FillsOfSlot = new int[bundles.Count][][];
        for (var b = 0; b < bundles.Count; b++)
        {
            var slots = bundles[b].SlotSignatures;
            FillsOfSlot[b] = new int[slots.Length][];
            for (var s = 0; s < slots.Length; s++)
            {
                FillsOfSlot[b][s] = new int[slots[s].Length];
                for (var k = 0; k < slots[s].Length; k++)
                {
                    FillsOfSlot[b][s][k] = fills.Count;
                    fills.Add((b, s, slots[s][k]));
                }
            }
        }
        Fills = [.. fills];

        // Signatures in the order they first appear among the fills, each with its fills and its cheaper classes.
        var fillsOfSignature = new Dictionary<int, List<int>>();
        var signatureOrder = new List<int>();
        for (var f = 0; f < Fills.Length; f++)
        {
            if (!fillsOfSignature.TryGetValue(Fills[f].Signature, out var list))
            {
                fillsOfSignature[Fills[f].Signature] = list = [];
                signatureOrder.Add(Fills[f].Signature);
            }
            list.Add(f);
        }
        var layers = new List<(int Signature, int Class)>();
        var firstLayerOf = new Dictionary<int, int>(); // a signature's layers are consecutive
        foreach (var signature in signatureOrder)
        {
            firstLayerOf[signature] = layers.Count;
            for (var c = 1; c < signatures[signature].Classes.Count; c++) layers.Add((signature, c));
        }
        Variables = Fills.Length + layers.Count;

        // Every slot of a bundle is filled equally often, so any split of the bundle price over its slots prices a
        // use the same. Splitting by each slot's dearest option keeps the simplex from chasing fills of later
        // slots that the first slot can never match.
        Gains = new double[Variables];
        for (var b = 0; b < bundles.Count; b++)
        {
            var slotOptions = bundles[b].SlotSignatures;
            var total = 0.0;
            foreach (var options in slotOptions) total += signatures[options[0]].TopPrice;
            for (var s = 0; s < slotOptions.Length; s++)
                foreach (var f in FillsOfSlot[b][s])
                    Gains[f] = signatures[Fills[f].Signature].TopPrice - bundles[b].Price * signatures[slotOptions[s][0]].TopPrice / total;
        }
        for (var l = 0; l < layers.Count; l++)
        {
            var signature = signatures[layers[l].Signature];
            Gains[Fills.Length + l] = signature.Classes[layers[l].Class].Price - signature.TopPrice;
        }

        // Slot s of a bundle is filled exactly as often as slot 0.
        foreach (var fillsOfSlot in FillsOfSlot)
            for (var s = 1; s < fillsOfSlot.Length; s++)
            {
                int[] columns = [.. fillsOfSlot[s], .. fillsOfSlot[0]];
                var values = new double[columns.Length];
                for (var k = 0; k < values.Length; k++) values[k] = k < fillsOfSlot[s].Length ? 1 : -1;
                Rows.Add(new ProgramRow(columns, values, 0, true));
            }
        // A signature's fills, less the units its cheaper classes give, are at most its first class.
        foreach (var signature in signatureOrder)
        {
            var ownFills = fillsOfSignature[signature];
            var ownLayers = signatures[signature].Classes.Count - 1;
            var columns = new int[ownFills.Count + ownLayers];
            var values = new double[columns.Length];
            for (var k = 0; k < columns.Length; k++)
            {
                columns[k] = k < ownFills.Count ? ownFills[k] : Fills.Length + firstLayerOf[signature] + k - ownFills.Count;
                values[k] = k < ownFills.Count ? 1 : -1;
            }
            Rows.Add(new ProgramRow(columns, values, signatures[signature].Classes[0].Count, false));
        }
        for (var l = 0; l < layers.Count; l++)
            Rows.Add(new ProgramRow([Fills.Length + l], [1.0], signatures[layers[l].Signature].Classes[layers[l].Class].Count, false));

        _signatureOrder = signatureOrder;
        var singles = new List<int[]>();
        foreach (var fillsOfSlot in FillsOfSlot)
            if (fillsOfSlot.Length > 1) singles.Add(fillsOfSlot[0]);
        Singles = [.. singles];
    }

    public List<Candidate> Bundles { get; }

    /// <summary>The z variables: columns 0 … Fills.Length − 1; the layers follow.</summary>
    public (int Bundle, int Slot, int Signature)[] Fills { get; }

    /// <summary>[bundle][slot] → fill indexes, dearest signature first.</summary>
    public int[][][] FillsOfSlot { get; }

    public int Variables { get; }

    public double[] Gains { get; }

    public List<ProgramRow> Rows { get; } = [];

    /// <summary>
    /// The count of each bundle of two or more slots, as the columns of its first slot. A bundle of one slot is never
    /// branched on: its count is a flow, whole once the others' are.
    /// </summary>
    public int[][] Singles { get; }

    /// <summary>
    /// Sets of bundles of two or more slots whose total count is whole in every bundling, each as the columns of its
    /// members' first slots, in the order branching tries them: the bundles each signature can fill, then those of
    /// them with the same number of slots. Branching on a family's total first cuts the interchangeable subtrees of
    /// symmetric bundles away (a unit's parity is settled once, not once per bundle). Built when first asked for.
    /// </summary>
    public int[][] Families => _families ??= BranchFamilies();

    public Signature SignatureOf(int fill) => _signatures[Fills[fill].Signature];

    /// <summary>The exact saving of integral fills, or null if they are not a bundling (a slot filled unlike its bundle's
    /// first slot, or a signature asked for more units than it has).</summary>
    public long? Saving(int[] z)
    {
        var used = UnitsUsed(z);
        long saving = 0;
        for (var signature = 0; signature < used.Length; signature++)
        {
            if (used[signature] == 0) continue;
            if (used[signature] > _signatures[signature].UnitCount) return null;
            saving += _signatures[signature].ValueOf(used[signature]);
        }
        for (var b = 0; b < Bundles.Count; b++)
        {
            var count = UnitsIn(FillsOfSlot[b][0], z);
            foreach (var fills in FillsOfSlot[b])
                if (UnitsIn(fills, z) != count) return null;
            saving -= Bundles[b].Price * count;
        }
        return saving;
    }

    /// <summary>The units each signature (by number) gives to the fills <paramref name="z"/>.</summary>
    public int[] UnitsUsed(int[] z)
    {
        var used = new int[_signatures.Count];
        for (var f = 0; f < Fills.Length; f++) used[Fills[f].Signature] += z[f];
        return used;
    }

    public static int UnitsIn(int[] fills, int[] z)
    {
        var units = 0;
        foreach (var f in fills) units += z[f];
        return units;
    }

    private int[][] BranchFamilies()
    {
        var signatureOrder = _signatureOrder;
        // A group has at most 50 bundles, so a bit set names a family; the first of equal families is kept.
        var families = new List<int[]>();
        var seen = new HashSet<ulong>();
        var slotCounts = new SortedSet<int>();
        foreach (var fillsOfSlot in FillsOfSlot) slotCounts.Add(fillsOfSlot.Length);
        var ofSignature = new ulong[signatureOrder.Count];
        for (var k = 0; k < ofSignature.Length; k++)
            foreach (var (bundle, _) in _signatures[signatureOrder[k]].Slots)
                if (FillsOfSlot[_localOf[bundle]].Length > 1) ofSignature[k] |= 1UL << _localOf[bundle];
        void AddFamily(ulong members)
        {
            if (members == 0 || !seen.Add(members)) return;
            var columns = new List<int>();
            for (var b = 0; b < Bundles.Count; b++)
                if ((members & (1UL << b)) != 0) columns.AddRange(FillsOfSlot[b][0]);
            families.Add([.. columns]);
        }
        foreach (var members in ofSignature) AddFamily(members);
        foreach (var members in ofSignature)
            foreach (var m in slotCounts)
            {
                var withCount = 0UL;
                for (var b = 0; b < Bundles.Count; b++)
                    if (FillsOfSlot[b].Length == m) withCount |= 1UL << b;
                AddFamily(members & withCount);
            }
        return [.. families];
    }
}
