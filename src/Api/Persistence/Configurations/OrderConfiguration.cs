using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>The order row: the aggregate's root, its version, its frozen bill as a document, and its parts' tables.</summary>
public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>The longest status name ("Billed") with room for statuses to come.</summary>
    public const int StatusLength = 16;
    /// <summary>A rate of at most 0.5 with four decimals.</summary>
    public const int ServiceChargeRatePrecision = 5;

    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.HasKey(o => o.Id);
        order.Property(o => o.Table).HasMaxLength(Order.MaxTableLength);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(StatusLength);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Property(o => o.Bill).HasConversion(new BillJsonConverter());
        order.Ignore(o => o.Balance);
        order.Ignore(o => o.PendingLines);
        order.Ignore(o => o.HeldLines);
        order.Ignore(o => o.IsActive);
        order.Ignore(o => o.PendingAmount);
        order.Ignore(o => o.PaymentStatus);
        order.Ignore(o => o.DiscountsInForce);
        order.Ignore(o => o.Refunded);
        order.Property(o => o.ServiceChargeRate).HasPrecision(ServiceChargeRatePrecision, ServiceChargeRule.RateDecimals);
        // A table has at most one active order (neither paid nor cancelled). The filter is written the way
        // OrderQueries.Active's query reads, so SQLite also finds a table's active order through this index.
        order.HasIndex(o => o.Table).IsUnique().HasFilter(OrderQueries.ActiveFilter);
        // Open orders by how long they have stood idle: the abandoned-order sweep reads only these, however many
        // orders the restaurant has served (FloorQueryTests).
        order.HasIndex(o => o.LastChangedAt).HasFilter(OrderQueries.OpenFilter);
        order.HasIndex(o => o.CreatedAt);
        order.HasIndex(o => new { o.Status, o.CreatedAt });
        order.InColumnOrder(nameof(Order.Id), nameof(Order.Table), nameof(Order.Guests), nameof(Order.Status), nameof(Order.CreatedAt),
            nameof(Order.Version), nameof(Order.Bill), nameof(Order.Paid), nameof(Order.LastChangedAt),
            nameof(Order.ServiceChargeRate));
        order.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Tickets).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Tenders).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Tickets).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Navigation(o => o.Tenders).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Discounts).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Discounts).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasMany(o => o.Refunds).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private sealed class BillJsonConverter() : ValueConverter<Bill?, string?>(
        bill => bill == null ? null : JsonSerializer.Serialize(bill, StoredJson.Options),
        json => json == null ? null : JsonSerializer.Deserialize<Bill>(json, StoredJson.Options));
}
