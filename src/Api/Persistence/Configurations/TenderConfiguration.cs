using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Tenders, written ahead of every card charge, with what the gateway answered.</summary>
public sealed class TenderConfiguration : IEntityTypeConfiguration<Tender>
{
    /// <summary>The longest method name ("Card", "Cash") with room to spare.</summary>
    public const int MethodLength = 8;
    /// <summary>The longest status name ("Succeeded") with room to spare.</summary>
    public const int StatusLength = 16;

    public void Configure(EntityTypeBuilder<Tender> tender)
    {
        tender.HasKey(t => t.Id);
        tender.Ignore(t => t.Charge);
        tender.Property(t => t.AttemptId).HasMaxLength(Order.IdLength);
        tender.Property(t => t.Method).HasConversion<string>().HasMaxLength(MethodLength);
        tender.Property(t => t.Status).HasConversion<string>().HasMaxLength(StatusLength);
        tender.Property(t => t.Currency).HasMaxLength(Menu.CurrencyLength);
        tender.Property(t => t.CardToken).HasMaxLength(Tender.MaxCardTokenLength);
        tender.Property(t => t.GatewayKey).HasMaxLength(Tender.MaxGatewayKeyLength);
        tender.Property(t => t.DeclineCode).HasMaxLength(Tender.MaxDeclineCodeLength);
        tender.Property(t => t.Message).HasMaxLength(Tender.MaxMessageLength);
        tender.Property(t => t.PaymentId).HasMaxLength(Tender.MaxPaymentIdLength);
        tender.Property(t => t.Diner).HasMaxLength(Order.MaxDinerLength);
        tender.Property(t => t.CardBrand).HasMaxLength(Tender.MaxCardBrandLength);
        tender.Property(t => t.CardLast4).HasMaxLength(Tender.CardLast4Length);
        tender.HasIndex("OrderId", nameof(Tender.AttemptId), nameof(Tender.Index)).IsUnique();
        tender.HasIndex(t => t.GatewayKey).IsUnique();
        // Reconciliation reads only what is pending, however many payments the restaurant has taken.
        tender.HasIndex(t => t.Status).HasFilter($"\"{nameof(Tender.Status)}\" = '{nameof(TenderStatus.Pending)}'");
        tender.InColumnOrder(nameof(Tender.Id), nameof(Tender.AttemptId), nameof(Tender.Index), nameof(Tender.Method), nameof(Tender.Amount),
            nameof(Tender.Tip), nameof(Tender.Currency), nameof(Tender.CardToken), nameof(Tender.GatewayKey), nameof(Tender.Status),
            nameof(Tender.DeclineCode), nameof(Tender.Message), nameof(Tender.PaymentId), nameof(Tender.CreatedAt), "OrderId", nameof(Tender.Diner),
            nameof(Tender.CardBrand), nameof(Tender.CardLast4));
    }
}
