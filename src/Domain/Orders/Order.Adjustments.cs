using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>Discounts and the service charge: staff set them before the bill, and the bill applies them (steps 3 to 5).</summary>
public sealed partial class Order
{
    /// <summary>Discounts an order may have in force at once.</summary>
    public const int MaxDiscounts = 20;

    private readonly List<Discount> _discounts = [];

    /// <summary>Every discount ever given to this order, removed ones included (with who removed them).</summary>
    public IReadOnlyList<Discount> Discounts => _discounts;

    public IEnumerable<Discount> DiscountsInForce => _discounts.Where(d => d.InForce);

    /// <summary>The order's own service charge rate, which overrides the menu's rule (0 waives it); null to follow the menu.</summary>
    public decimal? ServiceChargeRate { get; private set; }

    /// <summary>Staff give a discount, with a reason (kept with who and when). Before the bill only.</summary>
    public Discount AddDiscount(DiscountKind kind, decimal value, string? reason, string by, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Adjust);
        var audit = LineAudit.Create(reason, by, now);
        if (!Discount.IsValidValue(kind, value))
            throw new DomainException(DomainErrors.InvalidDiscount, Discount.ValueRule(kind)) { Field = "value" };
        if (DiscountsInForce.Count() >= MaxDiscounts)
            throw new DomainException(DomainErrors.InvalidDiscount, $"An order has at most {MaxDiscounts} discounts in force.") { Field = "kind" };
        Apply(OrderAction.Adjust, now);
        var discount = new Discount(NewId(), kind, value, audit);
        _discounts.Add(discount);
        return discount;
    }

    /// <summary>Staff take a discount back (it stays on record as removed). Before the bill only.</summary>
    public void RemoveDiscount(string discountId, string by, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Adjust);
        var discount = _discounts.Find(d => d.Id == discountId && d.InForce)
            ?? throw new DomainException(DomainErrors.UnknownDiscount, $"This order has no discount '{discountId}' in force.");
        Apply(OrderAction.Adjust, now);
        discount.Remove(by, now);
    }

    /// <summary>Staff set this order's service charge rate, overriding the menu's rule (0 waives it). Before the bill only.</summary>
    public void SetServiceCharge(decimal rate, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Adjust);
        if (!ServiceChargeRule.IsValidRate(rate))
            throw new DomainException(DomainErrors.InvalidServiceCharge, ServiceChargeRule.RateRule) { Field = "rate" };
        Apply(OrderAction.Adjust, now);
        ServiceChargeRate = rate;
    }

    /// <summary>The service charge rate this order would be billed at now under <paramref name="menu"/>.</summary>
    public decimal ServiceChargeRateUnder(Menu menu) =>
        ServiceChargeRate ?? (menu.ServiceCharge is { } rule && rule.Applies(Guests) ? rule.Rate : 0m);

    /// <summary>
    /// What the bill takes off and adds. An order's own rate is taxed as the menu's rule says; with no rule, a service
    /// charge is taxed, as a mandatory charge usually is.
    /// </summary>
    private BillAdjustments AdjustmentsUnder(Menu menu) => new(
        DiscountsInForce.Select(d => d.Term).ToList(),
        ServiceChargeRateUnder(menu),
        menu.ServiceCharge?.Taxable ?? true);
}
