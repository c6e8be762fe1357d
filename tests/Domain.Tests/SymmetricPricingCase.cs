using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// A small table on a menu of near copies, for property tests: families of copies of one bundle over the shared
/// item x (and sometimes a second shared item w), priced the same, a cent apart or spread; copies whose slot also
/// takes an item of their own (y1, y2, …); bundles of mixed sizes; odd unit counts and captured prices.
/// ≤ 12 units, so the brute-force oracle stays quick.
/// </summary>
public sealed record SymmetricPricingCase(IReadOnlyList<Bundle> Bundles, IReadOnlyList<BillLine> Lines, bool UsesW)
{
    public const int MaxUnits = 12;

    public Bill Bill() => BillCalculator.Calculate(Lines, Bundles, "USD", 0m);

    public override string ToString() =>
        $"bundles {string.Join(", ", Bundles.Select(b => $"{b.Id}={b.Price.Minor}:" + string.Join("", b.Slots.Select(s => "[" + string.Join(" ", s) + "]"))))}; " +
        $"lines {string.Join(", ", Lines.Select(l => $"{l.Quantity}x{l.MenuItemId}@{l.UnitPrice.Minor}"))}";

    private static Gen<Bundle[]> FamilyGen(int family, bool withW) =>
        from size in Gen.Frequency((4, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Choose(1, 4)))
        from wide in Gen.Choose(0, withW ? size : 0) // slots that also take w
        from copies in Gen.Choose(1, 4)
        from basePrice in Gen.Choose(size * 150, size * 300)
        from spread in Gen.Elements(0, 0, 1, 1, 7, 60) // equal prices, a cent apart, or further
        from near in Gen.Elements(false, false, true) // each copy's last slot also takes an item of its own
        select Enumerable.Range(0, copies).Select(k =>
        {
            var slots = Enumerable.Range(0, size)
                .Select(s => (IReadOnlyList<string>)(s < wide ? ["x", "w"] : ["x"]))
                .ToList();
            if (near) slots[^1] = [.. slots[^1], $"y{family}{k}"];
            return new Bundle($"f{family}c{k}", $"Family {family} copy {k}", new Money(basePrice + spread * k), slots);
        }).ToArray();

    private static Gen<BillLine> LineGen(string item, int quantity, int index) =>
        from price in Gen.Frequency((3, Gen.Constant(300L)), (1, Gen.Choose(200, 320).Select(p => (long)p)))
        select new BillLine($"L{index}", item, item, quantity, new Money(price), null);

    public static Gen<SymmetricPricingCase> Gen_ =>
        from withW in Gen.Elements(false, false, true)
        from familyCount in Gen.Choose(1, 3)
        from families in Gen.CollectToArray(Enumerable.Range(0, familyCount).Select(f => FamilyGen(f, withW)))
        let bundles = families.SelectMany(f => f).ToArray()
        let own = bundles.SelectMany(b => b.Slots.SelectMany(s => s)).Where(i => i.StartsWith('y')).Distinct().ToArray()
        from xUnits in Gen.Frequency((3, Gen.Elements(3, 5, 7, 9, 11)), (1, Gen.Choose(1, 10)))
        from wUnits in Gen.Choose(0, withW ? 3 : 0)
        from ownOrdered in Gen.SubListOf(own)
        from xLines in Gen.Choose(1, 3)
        from lines in Gen.CollectToArray(
            Enumerable.Range(0, xLines).Select(k => LineGen("x", xUnits / xLines + (k < xUnits % xLines ? 1 : 0), k))
                .Append(LineGen("w", wUnits, 10))
                .Concat(ownOrdered.Select((y, k) => LineGen(y, 1, 20 + k))))
        select new SymmetricPricingCase(bundles, lines.Where(l => l.Quantity > 0).CappedAt(MaxUnits), withW);
}
