using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Api.Features.Shared;

/// <summary>A discount in force on an order, with who gave it and when (its reason says why).</summary>
public sealed record DiscountView(string DiscountId, string Kind, decimal Value, string Reason, string By, DateTime CreatedAt)
{
    public const string Percent = "percent";
    public const string Amount = "amount";

    public static readonly string[] Kinds = [Percent, Amount];

    public static string NameOf(DiscountKind kind) => kind == DiscountKind.Percent ? Percent : Amount;

    public static DiscountKind? KindOf(string? name) => name switch
    {
        Percent => DiscountKind.Percent,
        Amount => DiscountKind.Amount,
        _ => null,
    };

    public static DiscountView From(Discount discount) => new(discount.Id, NameOf(discount.Kind), discount.Value, discount.Audit.Reason,
        discount.Audit.By, discount.Audit.At.UtcDateTime);
}
