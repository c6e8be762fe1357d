using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// Full-size tables (200 units, up to 50 bundles) against slow references that share nothing with the optimizer:
/// the knapsack oracle where the menu's shape allows it, the plain branch and bound elsewhere. Their deep branches,
/// cut rounds and re-laid-out tableaus are what the small property tests never reach.
/// </summary>
public class LargeCaseAgreementTests
{
    private static long Discounted(Bill bill) => bill.Subtotal.Minor - bill.Savings.Minor;

    private static Bill Bill(Menu menu, IReadOnlyList<BillLine> lines) => BillCalculator.Calculate(lines, menu.Bundles, menu.Currency, menu.TaxRate);

    /// <summary>
    /// 50 bundles of 1–6 slots over one shared item x (at up to 8 captured prices) and, for some, an item of their own:
    /// every slot takes x, x or the own item, or the own item alone; 200 units.
    /// </summary>
    public static (Menu Menu, List<BillLine> Lines) SharedItemTable(int seed)
    {
        var random = new Random(seed);
        var items = new List<MenuItem> { new("x", "X", "mains", new Money(300), true) };
        var bundles = new List<Bundle>();
        var entries = 0;
        for (var b = 0; b < 50; b++)
        {
            var own = random.Next(3) == 0 ? null : $"own{b}";
            if (own is not null) items.Add(new MenuItem(own, own, "sides", new Money(random.Next(150, 500)), true));
            var slots = new List<IReadOnlyList<string>>();
            for (var s = random.Next(1, 7); s > 0; s--)
            {
                // Every bundle after this one needs an entry at least: the menu lists at most 200.
                var room = Menu.MaxSlotEntries - entries - (49 - b);
                if (room < 1 || (slots.Count > 0 && room < 2)) break;
                IReadOnlyList<string> slot = own is null ? ["x"] : random.Next(3) switch
                {
                    0 => ["x"],
                    1 when room >= 2 => ["x", own],
                    _ => [own],
                };
                slots.Add(slot);
                entries += slot.Count;
            }
            var listPrice = slots.Sum(s => s.Max(id => items.Single(i => i.Id == id).Price.Minor));
            bundles.Add(new Bundle($"b{b:00}", $"Bundle {b}", new Money(listPrice * random.Next(70, 99) / 100 + random.Next(3)), slots));
        }
        var lines = new List<BillLine>();
        var ownUnits = 0;
        foreach (var item in items.Skip(1).Where(_ => random.Next(2) == 0))
        {
            var quantity = random.Next(1, 5);
            lines.Add(new BillLine($"l{lines.Count}", item.Id, item.Name, quantity, item.Price, $"d{random.Next(5)}"));
            ownUnits += quantity;
        }
        var prices = random.Next(1, 9);
        for (var units = ownUnits; units < 200;)
        {
            var quantity = Math.Min(200 - units, random.Next(1, 40));
            lines.Add(new BillLine($"l{lines.Count}", "x", "X", quantity, new Money(300 + 5 * random.Next(prices)), $"d{random.Next(5)}"));
            units += quantity;
        }
        return (new Menu("USD", 0.0825m, items, bundles), lines);
    }

    /// <summary>
    /// Bundles of 2–4 slots, each slot listing 1–3 of 40 items (overlapping heavily), priced 70–95% of their dearest
    /// fill; <paramref name="units"/> units of those items at <paramref name="prices"/> captured prices per item.
    /// </summary>
    public static (Menu Menu, List<BillLine> Lines) OverlappingTable(int seed, int bundleCount, int units, int prices)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, 40).Select(i => new MenuItem($"i{i:00}", $"Item {i}", "mains", new Money(250 + 25 * random.Next(30)), true)).ToList();
        var bundles = new List<Bundle>();
        var entries = 0;
        for (var b = 0; b < bundleCount; b++)
        {
            // Every bundle after this one needs two entries at least: the menu lists at most 200.
            var room = Menu.MaxSlotEntries - entries - 2 * (bundleCount - b - 1);
            var slotCount = Math.Min(random.Next(2, 5), room);
            var width = Math.Clamp(room / slotCount, 1, 3);
            var slots = Enumerable.Range(0, slotCount)
                .Select(_ => (IReadOnlyList<string>)items.OrderBy(_ => random.Next()).Take(random.Next(1, width + 1)).Select(i => i.Id).ToList())
                .ToList();
            entries += slots.Sum(s => s.Count);
            var listPrice = slots.Sum(s => s.Max(id => items.Single(i => i.Id == id).Price.Minor));
            bundles.Add(new Bundle($"b{b:00}", $"Bundle {b}", new Money(listPrice * random.Next(70, 96) / 100), slots));
        }
        var lines = Enumerable.Range(0, units).Select(u =>
        {
            var item = items[random.Next(items.Count)];
            return new BillLine($"l{u}", item.Id, item.Name, 1, new Money(item.Price.Minor + 10 * random.Next(prices)), $"d{random.Next(6)}");
        }).ToList();
        return (new Menu("USD", 0m, items, bundles), lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Fifty_bundles_over_one_shared_item_bill_what_the_knapsack_oracle_computes(int seed)
    {
        var (menu, lines) = SharedItemTable(seed);
        Assert.Equal(SharedItemOracle.CheapestAmount(lines, menu.Bundles, "x"), Discounted(Bill(menu, lines)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void Fifty_bundles_over_one_shared_item_are_proven_optimal(int seed)
    {
        var (menu, lines) = SharedItemTable(seed);
        Assert.True(Bill(menu, lines).Optimal);
    }

    [Theory]
    [InlineData(11, 50, 200, 1)]
    [InlineData(12, 50, 200, 3)]
    [InlineData(13, 30, 200, 2)]
    [InlineData(14, 20, 120, 4)]
    public void Overlapping_bundles_bill_what_the_plain_branch_and_bound_computes(int seed, int bundles, int units, int prices)
    {
        var (menu, lines) = OverlappingTable(seed, bundles, units, prices);
        Assert.Equal(PlainReference.CheapestAmount(lines, menu.Bundles), Discounted(Bill(menu, lines)));
    }

    [Fact]
    public void The_default_menu_with_200_units_bills_what_the_plain_branch_and_bound_computes()
    {
        var menu = Menus.DefaultMenu.Create();
        var random = new Random(200);
        var lines = Enumerable.Range(0, 200).Select(u =>
        {
            var item = menu.Items[random.Next(menu.Items.Count)];
            return new BillLine($"l{u}", item.Id, item.Name, 1, item.Price, $"d{random.Next(6)}");
        }).ToList();
        Assert.Equal(PlainReference.CheapestAmount(lines, menu.Bundles), Discounted(Bill(menu, lines)));
    }
}
