using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>
/// Kitchen tickets (order and void tickets): numbered per order, and in one kitchen-wide sequence the kitchen pages by.
/// On SQLite the sequence is an identity (one writer at a time, so insert order is commit order); on PostgreSQL it is
/// drawn like an event's position, from the writing transaction's id (PostgresEvents.TicketSequence), and readers take
/// only tickets below the horizon, so writers of different orders share no lock.
/// </summary>
public sealed class TicketConfiguration(bool sqlite) : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The longest kind ("Order") with room to spare.</summary>
    public const int KindLength = 8;

    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Sequence);
        if (sqlite) ticket.Property(t => t.Sequence).ValueGeneratedOnAdd();
        else ticket.Property(t => t.Sequence).HasDefaultValueSql(PostgresEvents.TicketSequence).Metadata
            .SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        ticket.Property(t => t.Kind).HasConversion<string>().HasMaxLength(KindLength);
        // See OrderLineConfiguration: a migration that adds a column rebuilds the table in this order on SQLite.
        ticket.InColumnOrder(nameof(Ticket.Sequence), nameof(Ticket.Number), nameof(Ticket.SubmittedAt), "OrderId", nameof(Ticket.Kind));
        ticket.HasIndex("OrderId", nameof(Ticket.Number)).IsUnique();
    }
}
