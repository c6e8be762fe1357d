namespace Restaurant.Domain.Pricing;

/// <summary>
/// The units of items that fit exactly the same bundle slots (<see cref="Key"/>): interchangeable but for their price.
/// <see cref="Units"/> are the callers' unit ids, dearest first and otherwise in the caller's order; a bundling that
/// takes u units of a signature always takes the u dearest (any other choice saves less), so the value of taking u
/// units is <see cref="ValueOf"/>(u), a concave function of u.
/// </summary>
internal sealed class Signature(string key, List<(int Bundle, int Slot)> slots)
{
    private readonly List<(int Id, long Price, int Order)> _arrival = [];
    private long[] _prefix = [0];

    public string Key { get; } = key;

    /// <summary>The (candidate, slot) pairs its items fit.</summary>
    public List<(int Bundle, int Slot)> Slots { get; } = slots;

    public List<(int Id, long Price)> Units { get; } = [];

    /// <summary>Runs of one price in <see cref="Units"/>, dearest first.</summary>
    public List<(long Price, int Count)> Classes { get; } = [];

    /// <summary>Its place among the order's signatures (dearest first).</summary>
    public int Number { get; set; }

    public long TopPrice => Units[0].Price;

    public int UnitCount => Units.Count;

    /// <summary>What the <paramref name="used"/> dearest units cost at list price.</summary>
    public long ValueOf(int used) => _prefix[used];

    public void Add(int id, long price) => _arrival.Add((id, price, _arrival.Count));

    /// <summary>Sorts the units dearest first (equal prices in the order they came) and sums them up.</summary>
    public void Seal()
    {
        _arrival.Sort((x, y) => x.Price != y.Price ? y.Price.CompareTo(x.Price) : x.Order.CompareTo(y.Order));
        _prefix = new long[_arrival.Count + 1];
        for (var i = 0; i < _arrival.Count; i++)
        {
            var (id, price, _) = _arrival[i];
            Units.Add((id, price));
            _prefix[i + 1] = _prefix[i] + price;
            if (i == 0 || price != _arrival[i - 1].Price) Classes.Add((price, 1));
            else Classes[^1] = (price, Classes[^1].Count + 1);
        }
    }
}

/// <summary>A bundle that could save money on this order, with the signatures that may fill each slot, dearest first.</summary>
internal sealed record Candidate(int Bundle, long Price, int[][] SlotSignatures);
