using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

/// <summary>
/// Prices an order's bill, outside every transaction and lock (<see cref="BillOrder.Handler"/>), and reports a bill
/// whose search stopped at its safety budget: such a bill is still the best price found, but an operator should see
/// the menu and order that made the search that hard.
/// </summary>
public class BillPricer(ILogger<BillPricer> logger)
{
    /// <summary>Virtual so that a test can hold a bill in its pricing and show that nothing else waits for it.</summary>
    public virtual Task<PricedBill> PriceAsync(Order order, Domain.Menus.Menu menu, int menuVersion, CancellationToken cancellationToken)
    {
        var priced = order.PriceBill(menu, cancellationToken);
        if (!priced.Bill.Optimal)
            logger.LogWarning("The bill of order {OrderId} (menu version {MenuVersion}) was cut short by the pricing budget; it carries the best price found",
                order.Id, menuVersion);
        return Task.FromResult(priced);
    }
}
