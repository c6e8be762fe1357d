using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Kitchen tickets (order and void tickets): numbered per order, and in one kitchen-wide sequence the kitchen pages by.</summary>
public sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The longest kind ("Order") with room to spare.</summary>
    public const int KindLength = 8;

    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Sequence);
        ticket.Property(t => t.Sequence).ValueGeneratedOnAdd();
        ticket.Property(t => t.Kind).HasConversion<string>().HasMaxLength(KindLength);
        // See OrderLineConfiguration: a migration that adds a column rebuilds the table in this order on SQLite.
        ticket.InColumnOrder(nameof(Ticket.Sequence), nameof(Ticket.Number), nameof(Ticket.SubmittedAt), "OrderId", nameof(Ticket.Kind));
        ticket.HasIndex("OrderId", nameof(Ticket.Number)).IsUnique();
    }
}
