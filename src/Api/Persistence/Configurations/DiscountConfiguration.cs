using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>An order's discounts, removed ones included, each with who gave it, when and why.</summary>
public sealed class DiscountConfiguration : IEntityTypeConfiguration<Discount>
{
    /// <summary>The longest kind name ("Percent") with room to spare.</summary>
    public const int KindLength = 16;
    /// <summary>Room for <see cref="Discount.MaxAmount"/> in cents.</summary>
    public const int ValuePrecision = 12;

    public void Configure(EntityTypeBuilder<Discount> discount)
    {
        discount.HasKey(d => d.Id);
        discount.Ignore(d => d.InForce);
        discount.Property(d => d.Id).HasMaxLength(Order.IdLength);
        discount.Property(d => d.Kind).HasConversion<string>().HasMaxLength(KindLength);
        discount.Property(d => d.Value).HasPrecision(ValuePrecision, Discount.ValueDecimals);
        discount.Property(d => d.Audit).AsRequiredJson();
        discount.Property(d => d.RemovedBy).HasMaxLength(LineAudit.MaxByLength);
        discount.InColumnOrder(nameof(Discount.Id), "OrderId", nameof(Discount.Kind), nameof(Discount.Value), nameof(Discount.Audit),
            nameof(Discount.RemovedBy), nameof(Discount.RemovedAt));
    }
}
