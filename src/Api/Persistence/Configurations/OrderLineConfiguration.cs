using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>An order's lines, in order of addition, with the ticket that took each one to the kitchen.</summary>
public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.HasKey(l => l.Id);
        line.Ignore(l => l.IsPending);
        line.Property(l => l.MenuItemId).HasMaxLength(Menu.MaxIdLength);
        line.Property(l => l.Name).HasMaxLength(Menu.MaxNameLength);
        line.Property(l => l.Diner).HasMaxLength(Order.MaxDinerLength);
        line.Property(l => l.Note).HasMaxLength(Order.MaxNoteLength);
        line.HasIndex("OrderId", nameof(OrderLine.Position)).IsUnique();
        line.HasIndex("OrderId", nameof(OrderLine.TicketNumber));
    }
}
