using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// The pricing program's ingredients for one order: the bundles that could save money on it (after
/// <see cref="Dominance"/>), and its units grouped into <see cref="Signature"/>s over those bundles' slots.
/// </summary>
internal static class BundleCandidates
{
    /// <summary>Candidates in bundle id order; signatures dearest first, then by key (ordinal).</summary>
    public static (List<Candidate> Candidates, List<Signature> Signatures) Build(IReadOnlyList<PricedUnit> units, List<Bundle> bundles)
    {
        // The items of this order, numbered, and the dearest unit of each.
        var itemNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var dearest = new List<long>();
        foreach (var unit in units)
        {
            if (!itemNumbers.TryGetValue(unit.MenuItemId, out var number))
            {
                itemNumbers[unit.MenuItemId] = number = dearest.Count;
                dearest.Add(0);
            }
            dearest[number] = Math.Max(dearest[number], unit.Price.Minor);
        }

        // A bundle can save only if every slot takes an item of the order and its dearest fill beats its price.
        var shapes = new List<BundleShape>();
        for (var b = 0; b < bundles.Count; b++)
        {
            var slots = new int[bundles[b].Slots.Count][];
            long dearestFill = 0;
            for (var s = 0; s < slots.Length && dearestFill >= 0; s++)
            {
                var items = new SortedSet<int>();
                foreach (var itemId in bundles[b].Slots[s])
                    if (itemNumbers.TryGetValue(itemId, out var number)) items.Add(number);
                slots[s] = [.. items];
                dearestFill = items.Count == 0 ? -1 : dearestFill + items.Max(i => dearest[i]);
            }
            if (dearestFill > bundles[b].Price.Minor) shapes.Add(new BundleShape(b, bundles[b].Price.Minor, slots));
        }
        var kept = Dominance.Undominated(shapes);

        // Items that fit the same kept slots share a signature, keyed by one char per slot (bundle · 8 + slot fits a
        // char: at most 50 bundles of 6 slots).
        var slotsOfItem = new List<(int Bundle, int Slot)>?[dearest.Count];
        for (var k = 0; k < kept.Count; k++)
            for (var s = 0; s < kept[k].Slots.Length; s++)
                foreach (var item in kept[k].Slots[s]) (slotsOfItem[item] ??= []).Add((k, s));
        var byKey = new Dictionary<string, Signature>(StringComparer.Ordinal);
        var signatureOfItem = new Signature?[dearest.Count];
        for (var item = 0; item < slotsOfItem.Length; item++)
        {
            if (slotsOfItem[item] is not { } slots) continue;
            var key = new string(slots.Select(x => (char)(x.Bundle * 8 + x.Slot + 1)).ToArray());
            if (!byKey.TryGetValue(key, out var signature)) byKey[key] = signature = new Signature(key, slots);
            signatureOfItem[item] = signature;
        }
        foreach (var unit in units)
            signatureOfItem[itemNumbers[unit.MenuItemId]]?.Units.Add((unit.Id, unit.Price.Minor));
        var signatures = byKey.Values.ToList();
        foreach (var signature in signatures) signature.Seal();
        signatures.Sort((x, y) => x.TopPrice != y.TopPrice ? y.TopPrice.CompareTo(x.TopPrice) : string.CompareOrdinal(x.Key, y.Key));
        var numberOf = signatures.Select((signature, i) => (signature, i)).ToDictionary(x => x.signature, x => x.i);

        var candidates = kept.Select(shape => new Candidate(shape.Bundle, shape.Price,
            shape.Slots.Select(items => items.Select(i => numberOf[signatureOfItem[i]!]).Distinct().Order().ToArray()).ToArray())).ToList();
        return (candidates, signatures);
    }
}
