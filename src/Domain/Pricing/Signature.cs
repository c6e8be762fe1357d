namespace Restaurant.Domain.Pricing;

/// <summary>
/// The units of items that fit exactly the same bundle slots (<see cref="Key"/>): interchangeable but for their price.
/// <see cref="Units"/> are the callers' unit ids, dearest first and otherwise in the caller's order; a bundling that
/// takes u units of a signature always takes the u dearest (any other choice saves less), so the value of taking u
/// units is <see cref="ValueOf"/>(u), a concave function of u.
/// </summary>
internal sealed class Signature(string key, List<(int Bundle, int Slot)> slots)
{
    private long[] _prefix = [0];

    public string Key { get; } = key;

    /// <summary>The (candidate, slot) pairs its items fit.</summary>
    public List<(int Bundle, int Slot)> Slots { get; } = slots;

    public List<(int Id, long Price)> Units { get; } = [];

    /// <summary>Runs of one price in <see cref="Units"/>, dearest first.</summary>
    public List<(long Price, int Count)> Classes { get; } = [];

    public long TopPrice => Units[0].Price;

    public int UnitCount => Units.Count;

    /// <summary>What the <paramref name="used"/> dearest units cost at list price.</summary>
    public long ValueOf(int used) => _prefix[used];

    /// <summary>Sorts the units dearest first (stable, so equal prices keep the caller's order) and sums them up.</summary>
    public void Seal()
    {
        var sorted = Units.Select((u, i) => (u, i)).OrderByDescending(x => x.u.Price).ThenBy(x => x.i).Select(x => x.u).ToList();
        Units.Clear();
        Units.AddRange(sorted);
        _prefix = new long[Units.Count + 1];
        for (var i = 0; i < Units.Count; i++)
        {
            _prefix[i + 1] = _prefix[i] + Units[i].Price;
            if (i == 0 || Units[i].Price != Units[i - 1].Price) Classes.Add((Units[i].Price, 1));
            else Classes[^1] = (Classes[^1].Price, Classes[^1].Count + 1);
        }
    }
}

/// <summary>A bundle that could save money on this order, with the signatures that may fill each slot, dearest first.</summary>
internal sealed record Candidate(int Bundle, long Price, int[][] SlotSignatures);
