namespace Restaurant.Adversary;

/// <summary>
/// Random starting shapes inside the limits, built from families that stress the search: symmetric copies of one
/// bundle (equal, one cent apart, or spread prices), near-symmetric families (each copy adds an item of its own to a
/// slot), the same item in bundles of different slot counts, and bundles with overlapping slot lists. Orders favour
/// odd counts and many captured prices.
/// </summary>
public static class ShapeGenerator
{
    public const int MaxEntries = 200;
    public const int MaxBundles = 50;

    public static Shape Random(Random random)
    {
        var items = new List<Item>();
        Item NewItem()
        {
            var item = new Item($"i{items.Count}", random.Next(4) switch { 0 => 300, 1 => 250 + 50 * random.Next(10), _ => random.Next(100, 2000) });
            items.Add(item);
            return item;
        }
        var pool = Enumerable.Range(0, random.Next(1, 9)).Select(_ => NewItem()).ToList();
        var bundles = new List<Offer>();
        var families = new List<string>();
        var entries = 0;
        while (bundles.Count < MaxBundles && entries < MaxEntries - 6 && (bundles.Count == 0 || random.Next(4) != 0))
        {
            var kind = random.Next(4);
            families.Add(kind switch { 0 => "symmetric", 1 => "near-symmetric", 2 => "mixed counts", _ => "overlapping" });
            var copies = Math.Min(MaxBundles - bundles.Count, kind == 3 ? random.Next(1, 8) : random.Next(2, 20));
            var template = RandomSlots(random, pool, kind == 2 ? 1 : random.Next(1, 4), kind == 3 ? 4 : 2);
            var jitter = random.Next(3);
            for (var c = 0; c < copies; c++)
            {
                var slots = kind switch
                {
                    0 => Copy(template),
                    1 => WithOwnItem(random, Copy(template), NewItem()),
                    2 => Enumerable.Range(0, random.Next(1, 7)).Select(_ => template[0].ToList()).ToList(),
                    _ => RandomSlots(random, pool, random.Next(1, 4), 4),
                };
                var size = slots.Sum(s => s.Count);
                if (entries + size > MaxEntries) break;
                entries += size;
                var dearest = slots.Sum(s => s.Max(id => items.Single(i => i.Id == id).Price));
                var basePrice = Math.Max(1, dearest * random.Next(55, 98) / 100);
                var price = jitter switch { 0 => basePrice, 1 => basePrice + c, _ => Math.Max(1, basePrice + random.Next(-50, 50)) };
                bundles.Add(new Offer($"b{bundles.Count:00}", price, slots));
            }
        }

        // The order: mostly items that some bundle takes, odd totals, and several captured prices per item.
        var wanted = random.Next(3) == 0 ? random.Next(10, 60) : random.Next(150, 201);
        if (wanted % 2 == 0 && random.Next(3) != 0) wanted--;
        var inSlots = bundles.SelectMany(b => b.Slots.SelectMany(s => s)).Distinct().ToList();
        var versions = random.Next(3) == 0 ? random.Next(2, 13) : 1;
        var step = new[] { 1, 5, 10, 50 }[random.Next(4)];
        var lines = new List<Line>();
        var units = 0;
        while (units < wanted)
        {
            var itemId = random.Next(10) == 0 ? items[random.Next(items.Count)].Id : inSlots[random.Next(inSlots.Count)];
            var quantity = Math.Min(wanted - units, random.Next(3) == 0 ? random.Next(1, 51) : random.Next(1, 4));
            var price = items.Single(i => i.Id == itemId).Price + step * random.Next(versions);
            lines.Add(new Line(itemId, quantity, price));
            units += quantity;
        }
        return new Shape(string.Join(" + ", families.Distinct()), items, bundles, lines);
    }

    private static List<List<string>> RandomSlots(Random random, List<Item> pool, int slotCount, int maxWidth) =>
        Enumerable.Range(0, slotCount)
            .Select(_ => pool.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(maxWidth, pool.Count) + 1)).Select(i => i.Id).ToList())
            .ToList();

    private static List<List<string>> Copy(List<List<string>> slots) => slots.Select(s => s.ToList()).ToList();

    private static List<List<string>> WithOwnItem(Random random, List<List<string>> slots, Item own)
    {
        slots[random.Next(slots.Count)].Add(own.Id);
        return slots;
    }
}
