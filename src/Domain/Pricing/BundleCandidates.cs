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
        var slotItems = new List<int>();
        for (var b = 0; b < bundles.Count; b++)
        {
            var slots = new int[bundles[b].Slots.Count][];
            long dearestFill = 0;
            for (var s = 0; s < slots.Length && dearestFill >= 0; s++)
            {
                slotItems.Clear();
                long dearestOfSlot = -1;
                foreach (var itemId in bundles[b].Slots[s])
                    if (itemNumbers.TryGetValue(itemId, out var number))
                    {
                        slotItems.Add(number);
                        dearestOfSlot = Math.Max(dearestOfSlot, dearest[number]);
                    }
                slotItems.Sort();
                slots[s] = Distinct(slotItems);
                dearestFill = dearestOfSlot < 0 ? -1 : dearestFill + dearestOfSlot;
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
            var chars = new char[slots.Count];
            for (var k = 0; k < chars.Length; k++) chars[k] = (char)(slots[k].Bundle * 8 + slots[k].Slot + 1);
            var key = new string(chars);
            if (!byKey.TryGetValue(key, out var signature)) byKey[key] = signature = new Signature(key, slots);
            signatureOfItem[item] = signature;
        }
        foreach (var unit in units)
            signatureOfItem[itemNumbers[unit.MenuItemId]]?.Add(unit.Id, unit.Price.Minor);
        var signatures = new List<Signature>(byKey.Values);
        foreach (var signature in signatures) signature.Seal();
        signatures.Sort((x, y) => x.TopPrice != y.TopPrice ? y.TopPrice.CompareTo(x.TopPrice) : string.CompareOrdinal(x.Key, y.Key));
        for (var number = 0; number < signatures.Count; number++) signatures[number].Number = number;

        var candidates = new List<Candidate>(kept.Count);
        var numbers = new List<int>();
        foreach (var shape in kept)
        {
            var slotSignatures = new int[shape.Slots.Length][];
            for (var s = 0; s < slotSignatures.Length; s++)
            {
                numbers.Clear();
                foreach (var item in shape.Slots[s]) numbers.Add(signatureOfItem[item]!.Number);
                numbers.Sort();
                slotSignatures[s] = Distinct(numbers);
            }
            candidates.Add(new Candidate(shape.Bundle, shape.Price, slotSignatures));
        }
        return (candidates, signatures);
    }

    /// <summary>The distinct values of a sorted list.</summary>
    private static int[] Distinct(List<int> sorted)
    {
        var count = 0;
        for (var k = 0; k < sorted.Count; k++)
            if (k == 0 || sorted[k] != sorted[k - 1]) count++;
        var distinct = new int[count];
        count = 0;
        for (var k = 0; k < sorted.Count; k++)
            if (k == 0 || sorted[k] != sorted[k - 1]) distinct[count++] = sorted[k];
        return distinct;
    }
}
