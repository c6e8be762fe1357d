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
            var dearest = bundles[b].SlotSignatures.Select(options => (double)signatures[options[0]].TopPrice).ToArray();
            var total = dearest.Sum();
            for (var s = 0; s < dearest.Length; s++)
                foreach (var f in FillsOfSlot[b][s])
                    Gains[f] = signatures[Fills[f].Signature].TopPrice - bundles[b].Price * dearest[s] / total;
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

        Families = BranchFamilies(signatureOrder);
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
    /// Sets of bundles of two or more slots whose total count is whole in every bundling, each as the columns of its
    /// members' first slots, in the order branching tries them: the bundles each signature can fill, then those of
    /// them with the same number of slots, then each bundle alone. Branching on a family's total first cuts the
    /// interchangeable subtrees of symmetric bundles away (a unit's parity is settled once, not once per bundle). A
    /// bundle of one slot is never branched on: its count is a flow, whole once the others' are.
    /// </summary>
    public int[][] Families { get; }

    public Signature SignatureOf(int fill) => _signatures[Fills[fill].Signature];

    /// <summary>The exact saving of integral fills, or null if they are not a bundling (a slot filled unlike its bundle's
    /// first slot, or a signature asked for more units than it has).</summary>
    public long? Saving(int[] z)
    {
        var used = new Dictionary<int, int>();
        for (var f = 0; f < Fills.Length; f++)
            if (z[f] != 0) used[Fills[f].Signature] = used.GetValueOrDefault(Fills[f].Signature) + z[f];
        long saving = 0;
        foreach (var (signature, units) in used)
        {
            if (units > _signatures[signature].UnitCount) return null;
            saving += _signatures[signature].ValueOf(units);
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

    public static int UnitsIn(int[] fills, int[] z)
    {
        var units = 0;
        foreach (var f in fills) units += z[f];
        return units;
    }

    /// <summary>The bundles (of this group) with a slot that <paramref name="signature"/> can fill.</summary>
    private IEnumerable<int> BundlesTaking(int signature) => _signatures[signature].Slots.Select(x => _localOf[x.Bundle]);

    private int[][] BranchFamilies(List<int> signatureOrder)
    {
        var families = new List<int[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddFamily(IEnumerable<int> members)
        {
            var bundles = members.Where(b => FillsOfSlot[b].Length > 1).Distinct().Order().ToArray();
            if (bundles.Length == 0 || !seen.Add(string.Join(",", bundles))) return;
            families.Add(bundles.SelectMany(b => FillsOfSlot[b][0]).ToArray());
        }
        var slotCounts = Enumerable.Range(0, Bundles.Count).Select(b => FillsOfSlot[b].Length).Distinct().Order().ToList();
        foreach (var signature in signatureOrder) AddFamily(BundlesTaking(signature));
        foreach (var signature in signatureOrder)
            foreach (var m in slotCounts)
                AddFamily(BundlesTaking(signature).Where(b => FillsOfSlot[b].Length == m));
        for (var b = 0; b < Bundles.Count; b++) AddFamily([b]);
        return [.. families];
    }
}
