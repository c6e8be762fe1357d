namespace Restaurant.Adversary;

/// <summary>Small random changes to a shape, for hill climbing; a change that breaks a limit is retried.</summary>
public static class Mutations
{
    public static Shape Mutate(Random random, Shape shape)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = shape.DeepCopy();
            var changes = random.Next(3) == 0 ? random.Next(2, 5) : 1;
            for (var c = 0; c < changes; c++) Apply(random, next);
            if (next.ToMenu() is not null || attempt > 50) return next.ToMenu() is not null ? next : shape;
        }
    }

    private static void Apply(Random random, Shape s)
    {
        var bundle = s.Bundles.Count > 0 ? s.Bundles[random.Next(s.Bundles.Count)] : null;
        var slot = bundle?.Slots[random.Next(bundle.Slots.Count)];
        switch (random.Next(13))
        {
            case 0 when bundle is not null: // a price nudged by a cent or a few
                Replace(s, bundle, bundle with { Price = Math.Max(1, bundle.Price + (random.Next(2) == 0 ? 1 : -1) * (random.Next(2) == 0 ? 1 : random.Next(1, 60))) });
                break;
            case 1 when bundle is not null: // a price equal to another bundle's
                Replace(s, bundle, bundle with { Price = s.Bundles[random.Next(s.Bundles.Count)].Price });
                break;
            case 2 when slot is not null: // one more item in a slot, known or new
                var item = random.Next(3) == 0 ? NewItem(random, s) : s.Items[random.Next(s.Items.Count)];
                if (!slot.Contains(item.Id)) slot.Add(item.Id);
                break;
            case 3 when slot is not null && slot.Count > 1:
                slot.RemoveAt(random.Next(slot.Count));
                break;
            case 4 when bundle is not null && bundle.Slots.Count < 6:
                bundle.Slots.Insert(random.Next(bundle.Slots.Count + 1), bundle.Slots[random.Next(bundle.Slots.Count)].ToList());
                break;
            case 5 when bundle is not null && bundle.Slots.Count > 1:
                bundle.Slots.RemoveAt(random.Next(bundle.Slots.Count));
                break;
            case 6 when bundle is not null: // a copy a cent or so apart: symmetry
                s.Bundles.Add(new Offer(FreshBundleId(s), bundle.Price + random.Next(-1, 2), bundle.Slots.Select(x => x.ToList()).ToList()));
                break;
            case 7 when bundle is not null: // a near copy: one slot also takes an item of its own, and the order has one
                var own = NewItem(random, s);
                var copy = bundle.Slots.Select(x => x.ToList()).ToList();
                copy[random.Next(copy.Count)].Add(own.Id);
                s.Bundles.Add(new Offer(FreshBundleId(s), bundle.Price + random.Next(-2, 3), copy));
                s.Lines.Add(new Line(own.Id, random.Next(1, 3), own.Price));
                break;
            case 8 when s.Bundles.Count > 1:
                s.Bundles.Remove(bundle!);
                break;
            case 9 when s.Lines.Count > 0: // a quantity changed, often by one (parity)
                var i = random.Next(s.Lines.Count);
                s.Lines[i] = s.Lines[i] with { Quantity = s.Lines[i].Quantity + (random.Next(2) == 0 ? 1 : -1) * (random.Next(2) == 0 ? 1 : random.Next(1, 20)) };
                if (s.Lines[i].Quantity <= 0) s.Lines.RemoveAt(i);
                break;
            case 10 when s.Lines.Count > 0: // the same item at another captured price
                var line = s.Lines[random.Next(s.Lines.Count)];
                s.Lines.Add(new Line(line.Item, random.Next(1, 4), Math.Max(1, line.Price + random.Next(-30, 31))));
                break;
            case 11 when slot is not null: // units of an item some slot takes
                var taken = slot[random.Next(slot.Count)];
                s.Lines.Add(new Line(taken, random.Next(1, 10), s.Items.Single(x => x.Id == taken).Price));
                break;
            case 12 when s.Lines.Count > 1:
                s.Lines.RemoveAt(random.Next(s.Lines.Count));
                break;
        }
    }

    private static void Replace(Shape s, Offer old, Offer updated) => s.Bundles[s.Bundles.IndexOf(old)] = updated;

    private static Item NewItem(Random random, Shape s)
    {
        var item = new Item($"n{s.Items.Count}_{random.Next(1000)}", random.Next(100, 2000));
        s.Items.Add(item);
        return item;
    }

    private static string FreshBundleId(Shape s)
    {
        var n = s.Bundles.Count;
        while (s.Bundles.Any(b => b.Id == $"b{n:00}")) n++;
        return $"b{n:00}";
    }
}
