using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Kitchen tickets: numbered per order, and in one kitchen-wide sequence the kitchen pages by.</summary>
public sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Sequence);
        ticket.Property(t => t.Sequence).ValueGeneratedOnAdd();
        ticket.HasIndex("OrderId", nameof(Ticket.Number)).IsUnique();
    }
}
