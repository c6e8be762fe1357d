using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>
/// A discount staff gave an order before its bill, with who gave it, when and why. Removing it keeps it on record (who
/// removed it and when); only discounts still in force reach the bill.
/// </summary>
public sealed class Discount
{
    public const decimal MaxPercent = 100m;
    /// <summary>The largest fixed discount, in major units; it can never take off more than the bill has left anyway.</summary>
    public const decimal MaxAmount = 1_000_000m;
    /// <summary>Percentages may have up to two decimals (12.5%); amounts are in cents.</summary>
    public const int ValueDecimals = 2;

    public static bool IsValidValue(DiscountKind kind, decimal value) =>
        decimal.Round(value, ValueDecimals) == value && (kind == DiscountKind.Percent
            ? value is > 0m and <= MaxPercent
            : value is > 0m and <= MaxAmount);

    public static string ValueRule(DiscountKind kind) => kind == DiscountKind.Percent
        ? $"A percentage is above 0 and at most {MaxPercent}, with at most {ValueDecimals} decimals."
        : $"An amount is above 0 and at most {MaxAmount}, with at most {ValueDecimals} decimals.";

    private Discount() { }

    internal Discount(string id, DiscountKind kind, decimal value, LineAudit audit)
    {
        Id = id;
        Kind = kind;
        Value = value;
        Audit = audit;
    }

    public string Id { get; private set; } = "";
    public DiscountKind Kind { get; private set; }
    /// <summary>The percentage (10 is 10%) or the amount in major units, as staff gave it.</summary>
    public decimal Value { get; private set; }
    /// <summary>Who gave it (a staff key's non-secret id), when and why.</summary>
    public LineAudit Audit { get; private set; } = null!;
    /// <summary>Who removed it and when; null while it is in force.</summary>
    public string? RemovedBy { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool InForce => RemovedAt is null;

    internal DiscountTerm Term => new(Id, Audit.Reason, Kind, Value);

    internal void Remove(string by, DateTimeOffset now)
    {
        RemovedBy = by;
        RemovedAt = now;
    }
}
