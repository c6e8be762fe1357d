using Restaurant.Domain.Pricing;
using Restaurant.Domain.Tests;

namespace Restaurant.Benchmarks;

/// <summary>
/// A benchmark that times a wrong answer measures nothing: each table's bill must be proven optimal and charge what
/// an independent reference linked from tests/Domain.Tests computes: the knapsack oracle for a menu whose bundles
/// share one item (the plain branch and bound would take forever on its symmetric copies), else the plain branch and
/// bound.
/// </summary>
public static class Verification
{
    public static void Verify(Tables.Table table)
    {
        var bill = BillCalculator.Calculate(table.Lines, table.Menu.Bundles, table.Menu.Currency, table.Menu.TaxRate);
        // The references know items and their prices: options are paid on top of each unit's item, comps cost nothing.
        var paid = table.Lines.Where(l => !l.Comped).ToList();
        var items = paid.Select(l => l with { UnitPrice = l.ItemPrice, Options = [] }).ToList();
        var expected = paid.Sum(l => l.Quantity * l.OptionsPrice.Minor) + (table.SharedItem is { } shared
            ? SharedItemOracle.CheapestAmount(items, table.Menu.Bundles, shared)
            : PlainReference.CheapestAmount(items, table.Menu.Bundles));
        var charged = bill.Subtotal.Minor - bill.Comps.Minor - bill.Savings.Minor;
        if (!bill.Optimal || charged != expected)
            throw new InvalidOperationException($"{table.Name}: billed {charged} (proven: {bill.Optimal}), the reference says {expected}.");
    }
}
