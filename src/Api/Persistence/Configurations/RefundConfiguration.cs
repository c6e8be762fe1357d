using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Refunds, card ones written ahead of the gateway call, with what the gateway answered.</summary>
public sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    /// <summary>The longest status name ("Succeeded") with room to spare.</summary>
    public const int StatusLength = 16;

    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.HasKey(r => r.Id);
        refund.Ignore(r => r.Holds);
        refund.Property(r => r.Id).HasMaxLength(Order.IdLength);
        refund.Property(r => r.TenderId).HasMaxLength(Order.IdLength);
        refund.Property(r => r.Currency).HasMaxLength(Menu.CurrencyLength);
        refund.Property(r => r.Audit).AsRequiredJson();
        refund.Property(r => r.Status).HasConversion<string>().HasMaxLength(StatusLength);
        refund.Property(r => r.GatewayKey).HasMaxLength(Refund.MaxGatewayKeyLength);
        refund.Property(r => r.GatewayRefundId).HasMaxLength(Refund.MaxGatewayRefundIdLength);
        refund.Property(r => r.FailureReason).HasMaxLength(Refund.MaxFailureReasonLength);
        refund.HasIndex(r => r.GatewayKey).IsUnique();
        // The reconciler reads only what is pending, however many refunds the restaurant has given.
        refund.HasIndex(r => r.Status).HasFilter($"\"{nameof(Refund.Status)}\" = '{nameof(RefundStatus.Pending)}'");
        refund.InColumnOrder(nameof(Refund.Id), "OrderId", nameof(Refund.TenderId), nameof(Refund.Amount), nameof(Refund.Currency),
            nameof(Refund.Audit), nameof(Refund.CreatedAt), nameof(Refund.Status), nameof(Refund.GatewayKey), nameof(Refund.GatewayRefundId),
            nameof(Refund.FailureReason));
    }
}
