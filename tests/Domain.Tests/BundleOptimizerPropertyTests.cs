using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>A small table and menu for property tests: ≤ 4 items, ≤ 4 bundles of 1–3 slots, ≤ 8 units.</summary>
public sealed record PricingCase(IReadOnlyList<MenuItem> Items, IReadOnlyList<Bundle> Bundles, IReadOnlyList<BillLine> Lines, decimal TaxRate)
{
    public const int MaxUnits = 8;

    public Bill Bill() => BillCalculator.Calculate(Lines, Bundles, "USD", TaxRate);

    public PricingCase WithLines(IReadOnlyList<BillLine> lines) => this with { Lines = lines };

    public override string ToString() =>
        $"tax {TaxRate}; items {string.Join(", ", Items.Select(i => $"{i.Id}={i.Price.Minor}"))}; " +
        $"bundles {string.Join(", ", Bundles.Select(b => $"{b.Id}={b.Price.Minor}:" + string.Join("", b.Slots.Select(s => "[" + string.Join(" ", s) + "]"))))}; " +
        $"lines {string.Join(", ", Lines.Select(l => $"{l.LineId}:{l.Quantity}x{l.MenuItemId}@{l.UnitPrice.Minor}/{l.Diner ?? "-"}"))}";

    private static Gen<long> PriceGen =>
        Gen.Frequency(
            (3, Gen.Choose(2, 40).Select(n => n * 50L)),   // 1.00 .. 20.00 in steps of 0.50
            (2, Gen.Elements(200L, 250L, 300L)),            // a few common prices, so items share prices often
            (1, Gen.Choose(100, 2000).Select(n => (long)n))); // any cent, so savings can differ by a cent

    private static Gen<MenuItem[]> ItemsGen =>
        from count in Gen.Choose(1, 4)
        from prices in PriceGen.ArrayOf(count)
        select prices.Select((p, i) => new MenuItem($"i{i}", $"Item {i}", "mains", new Money(p), true)).ToArray();

    // Any 1 to 3 of the items; often the same leading ones, so that some items fit exactly the same slots
    // (interchangeable when they also cost the same).
    private static Gen<IReadOnlyList<string>> SlotGen(MenuItem[] items) =>
        from size in Gen.Choose(1, Math.Min(3, items.Length))
        from shuffled in Gen.Frequency((2, Gen.Shuffle(items.Select(i => i.Id))), (1, Gen.Constant(items.Select(i => i.Id).ToArray())))
        select (IReadOnlyList<string>)shuffled.Take(size).ToList();

    private static Gen<Bundle> BundleGen(MenuItem[] items, int index) =>
        from slotCount in Gen.Choose(1, 3)
        from slots in SlotGen(items).ArrayOf(slotCount)
        // Around the slots' list price, so that a bundle sometimes saves money and sometimes does not.
        let dearest = slots.Sum(s => s.Max(id => items.Single(i => i.Id == id).Price.Minor))
        from price in Gen.Frequency(
            (3, Gen.Choose(1, (int)(dearest / 50) + 4).Select(steps => steps * 50L)),
            (1, Gen.Choose(1, (int)dearest + 200).Select(cents => (long)cents)))
        select new Bundle($"b{index}", $"Bundle {index}", new Money(price), slots);

    private static Gen<BillLine> LineGen(MenuItem[] items, int index) =>
        from item in Gen.Elements(items)
        from quantity in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from diner in Gen.Elements<string?>(null, "a", "b", "c")
        // Mostly the menu price; sometimes a price captured before the menu changed.
        from price in Gen.Frequency((4, Gen.Constant(item.Price.Minor)), (1, PriceGen))
        select new BillLine($"L{index}", item.Id, item.Name, quantity, new Money(price), diner);

    public static Gen<PricingCase> Gen_ =>
        from items in ItemsGen
        from bundleCount in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 4)))
        from bundles in Gen.CollectToArray(Enumerable.Range(0, bundleCount).Select(b => BundleGen(items, b)))
        from lineCount in Gen.Choose(1, 6)
        from lines in Gen.CollectToArray(Enumerable.Range(0, lineCount).Select(l => LineGen(items, l)))
        from taxRate in Gen.Elements(0m, 0m, 0.0825m, 0.1m, 0.07m, 0.2m)
        select new PricingCase(items, bundles, lines.CappedAt(MaxUnits), taxRate);
}

public class BundleOptimizerPropertyTests
{
    private const int Cases = 3000;
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    private static void ForAll<T>(Gen<T> gen, Action<T> property) => Prop.ForAll(gen.ToArbitrary(), property).Check(Config);

    private static long Discounted(Bill bill) => bill.Subtotal.Minor - bill.Savings.Minor;

    [Fact]
    public void The_total_is_the_lowest_any_grouping_of_units_into_bundles_can_give()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            var cheapest = BruteForceOracle.CheapestAmount(c.Lines, c.Bundles);
            Assert.Equal(cheapest, Discounted(bill));
            Assert.Equal(cheapest + Allocation.Tax(new Money(cheapest), c.TaxRate).Minor, bill.Total.Minor);
        });
    }

    [Fact]
    public void The_total_never_exceeds_the_subtotal_before_tax()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            Assert.Equal(c.Lines.Sum(l => l.Quantity * l.UnitPrice.Minor), bill.Subtotal.Minor);
            Assert.True(Discounted(bill) <= bill.Subtotal.Minor);
            Assert.Equal(Allocation.Tax(new Money(Discounted(bill)), c.TaxRate), bill.Tax);
            Assert.Equal(Discounted(bill) + bill.Tax.Minor, bill.Total.Minor);
            Assert.True(bill.Total <= bill.Subtotal + Allocation.Tax(bill.Subtotal, c.TaxRate));
            if (c.TaxRate == 0m) Assert.True(bill.Total <= bill.Subtotal);
        });
    }

    [Fact]
    public void Shares_add_up_to_the_total_one_per_diner()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            Assert.Equal(bill.Total.Minor, bill.Shares.Sum(s => s.Amount.Minor));
            Assert.Equal(c.Lines.Select(l => l.Diner).Distinct().OrderBy(d => d, StringComparer.Ordinal), bill.Shares.Select(s => s.Diner));
            foreach (var share in bill.Shares)
            {
                // A diner never pays more than their units at list price plus the tax on all of it.
                var listPrice = new Money(c.Lines.Where(l => l.Diner == share.Diner).Sum(l => l.Quantity * l.UnitPrice.Minor));
                Assert.True(share.Amount <= listPrice + Allocation.Tax(listPrice, c.TaxRate) + new Money(1), $"{share.Diner} pays {share.Amount} for {listPrice} of units");
            }
        });
    }

    [Fact]
    public void Every_bundle_use_saves_money_and_matches_its_slots()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            var linesById = c.Lines.ToDictionary(l => l.LineId);
            foreach (var use in bill.Bundles)
            {
                var bundle = c.Bundles.Single(b => b.Id == use.BundleId);
                Assert.Equal(bundle.Price, use.Price);
                Assert.Equal(bundle.Name, use.Name);
                Assert.True(use.Savings.Minor > 0, $"{use.BundleId} saves {use.Savings}");
                Assert.Equal(use.ListPrice - use.Price, use.Savings);
                Assert.Equal(bundle.Slots.Count, use.MenuItemIds.Count);
                Assert.Equal(bundle.Slots.Count, use.LineIds.Count);
                for (var s = 0; s < bundle.Slots.Count; s++)
                {
                    Assert.Contains(use.MenuItemIds[s], bundle.Slots[s]);
                    Assert.Equal(use.MenuItemIds[s], linesById[use.LineIds[s]].MenuItemId);
                }
                Assert.Equal(use.ListPrice.Minor, use.LineIds.Sum(id => linesById[id].UnitPrice.Minor));
            }
            Assert.Equal(bill.Savings.Minor, bill.Bundles.Sum(b => b.Savings.Minor));
        });
    }

    [Fact]
    public void Each_unit_is_used_by_at_most_one_bundle()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            var quantities = c.Lines.ToDictionary(l => l.LineId, l => l.Quantity);
            foreach (var group in bill.Bundles.SelectMany(b => b.LineIds).GroupBy(id => id))
                Assert.True(group.Count() <= quantities[group.Key], $"line {group.Key} is used {group.Count()} times for {quantities[group.Key]} units");

            // What the bill charges is the bundles plus the units left outside any bundle, at list price.
            var bundled = bill.Bundles.SelectMany(b => b.LineIds).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            var loose = c.Lines.Sum(l => (l.Quantity - bundled.GetValueOrDefault(l.LineId)) * l.UnitPrice.Minor);
            Assert.Equal(Discounted(bill), loose + bill.Bundles.Sum(b => b.Price.Minor));
        });
    }

    [Fact]
    public void The_order_of_the_lines_does_not_change_the_bill()
    {
        var cases =
            from c in PricingCase.Gen_
            from shuffled in Gen.Shuffle(c.Lines.ToArray())
            select (c, shuffled);
        Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var (c, shuffled) = x;
            var bill = c.Bill();
            foreach (var other in new[] { c.WithLines(shuffled).Bill(), c.WithLines(c.Lines.Reverse().ToList()).Bill() })
            {
                Assert.Equal(bill.Subtotal, other.Subtotal);
                Assert.Equal(bill.Savings, other.Savings);
                Assert.Equal(bill.Tax, other.Tax);
                Assert.Equal(bill.Total, other.Total);
                Assert.Equal(Describe(bill.Bundles), Describe(other.Bundles));
                Assert.Equal(bill.Shares, other.Shares);
                Assert.Equal(bill.Items, other.Items, (a, b) => a.MenuItemId == b.MenuItemId && a.Quantity == b.Quantity && a.UnitPrice == b.UnitPrice && a.Amount == b.Amount);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(6000).WithQuietOnSuccess(true));

        static IReadOnlyList<string> Describe(IEnumerable<BundleUse> uses) =>
            uses.Select(u => $"{u.BundleId}:{string.Join(",", u.MenuItemIds)}").ToList();
    }

    [Fact]
    public void The_same_lines_give_the_same_bill_every_time()
    {
        ForAll(PricingCase.Gen_, c =>
        {
            var bill = c.Bill();
            var again = c.Bill();
            Assert.Equal(bill.Total, again.Total);
            Assert.Equal(bill.Bundles.Select(b => (b.BundleId, string.Join(",", b.LineIds))), again.Bundles.Select(b => (b.BundleId, string.Join(",", b.LineIds))));
            Assert.Equal(bill.Shares, again.Shares);
        });
    }

    [Fact]
    public void The_generated_cases_exercise_bundles()
    {
        // Guards the generator itself: the properties above would pass vacuously if bundles were never worth it.
        var sample = PricingCase.Gen_.Sample(1000);
        var bills = sample.Select(c => c.Bill()).ToList();
        Assert.True(bills.Count(b => b.Bundles.Count > 0) >= 300, $"only {bills.Count(b => b.Bundles.Count > 0)} of 1000 cases use a bundle");
        Assert.True(bills.Count(b => b.Bundles.Count >= 2) >= 50, $"only {bills.Count(b => b.Bundles.Count >= 2)} of 1000 cases use two bundles");
        Assert.True(sample.Count(c => c.Lines.Sum(l => l.Quantity) == PricingCase.MaxUnits) >= 50, "too few cases reach the unit cap");
        // Cases where a greedy "largest saving first" would be wrong are the interesting ones.
        Assert.True(sample.Count(c => GreedyAmount(c) > BruteForceOracle.CheapestAmount(c.Lines, c.Bundles)) >= 10, "greedy is almost never wrong on these cases");
    }

    /// <summary>Largest single saving first, repeatedly: what the optimizer must beat.</summary>
    private static long GreedyAmount(PricingCase c)
    {
        var units = c.Lines.SelectMany(l => Enumerable.Repeat((Item: l.MenuItemId, Price: l.UnitPrice.Minor), l.Quantity)).ToList();
        var amount = units.Sum(u => u.Price);
        while (true)
        {
            (long Saving, List<int> Taken)? best = null;
            foreach (var bundle in c.Bundles)
            {
                var taken = new List<int>();
                foreach (var slot in bundle.Slots)
                {
                    var pick = Enumerable.Range(0, units.Count).Where(u => !taken.Contains(u) && slot.Contains(units[u].Item))
                        .OrderByDescending(u => units[u].Price).Cast<int?>().FirstOrDefault();
                    if (pick is null) { taken.Clear(); break; }
                    taken.Add(pick.Value);
                }
                if (taken.Count == 0) continue;
                var saving = taken.Sum(u => units[u].Price) - bundle.Price.Minor;
                if (saving > 0 && (best is null || saving > best.Value.Saving)) best = (saving, taken);
            }
            if (best is null) return amount;
            amount -= best.Value.Saving;
            foreach (var u in best.Value.Taken.OrderDescending()) units.RemoveAt(u);
        }
    }
}

public class BundleOptimizerTests
{
    private static readonly IReadOnlyList<Bundle> Bundles = TestMenus.DefaultBundles();

    private static PricedUnit U(int id, string itemId) =>
        new(id, itemId, TestMenus.DefaultItems().Single(i => i.Id == itemId).Price);

    [Fact]
    public void No_units_or_no_bundles_give_no_choices()
    {
        Assert.Empty(BundleOptimizer.Cheapest([], Bundles).Choices);
        Assert.Empty(BundleOptimizer.Cheapest([U(0, "salad"), U(1, "juice")], []).Choices);
        Assert.Empty(BundleOptimizer.Cheapest([U(0, "soup"), U(1, "fries")], Bundles).Choices);
    }

    [Fact]
    public void Choices_name_the_callers_unit_ids_in_slot_order()
    {
        var choices = BundleOptimizer.Cheapest([U(70, "juice"), U(42, "salad")], Bundles).Choices;
        var choice = Assert.Single(choices);
        Assert.Equal("salad-juice", choice.Bundle.Id);
        Assert.Equal([42, 70], choice.UnitIds);
    }

    [Fact]
    public void Every_unit_is_taken_at_most_once_and_fits_its_slot()
    {
        var cases =
            from c in PricingCase.Gen_
            let units = c.Lines.SelectMany(l => Enumerable.Repeat(l, l.Quantity)).ToList()
            from ids in Gen.Shuffle(Enumerable.Range(100, units.Count).ToArray())
            select (c, units: units.Select((l, i) => new PricedUnit(ids[i], l.MenuItemId, l.UnitPrice)).ToList());

        Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var (c, units) = x;
            var byId = units.ToDictionary(u => u.Id);
            var choices = BundleOptimizer.Cheapest(units, c.Bundles).Choices;
            var taken = choices.SelectMany(ch => ch.UnitIds).ToList();
            Assert.Equal(taken.Count, taken.Distinct().Count());
            foreach (var choice in choices)
            {
                Assert.Contains(choice.Bundle, c.Bundles);
                Assert.Equal(choice.Bundle.Slots.Count, choice.UnitIds.Count);
                for (var s = 0; s < choice.UnitIds.Count; s++)
                    Assert.Contains(byId[choice.UnitIds[s]].MenuItemId, choice.Bundle.Slots[s]);
                Assert.True(choice.UnitIds.Sum(id => byId[id].Price.Minor) > choice.Bundle.Price.Minor);
            }
            var cost = units.Sum(u => u.Price.Minor) - taken.Sum(id => byId[id].Price.Minor) + choices.Sum(ch => ch.Bundle.Price.Minor);
            Assert.Equal(BruteForceOracle.CheapestAmount(c.Lines, c.Bundles), cost);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true));
    }
}
