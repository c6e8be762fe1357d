using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>
/// An order's lines, in order of addition, with the ticket that took each one to the kitchen (and the void ticket that
/// stopped it), its status, and what it captured from the menu.
/// </summary>
public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    /// <summary>The longest status name ("Preparing") with room to spare.</summary>
    public const int StatusLength = 16;

    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.HasKey(l => l.Id);
        line.Ignore(l => l.IsPending);
        line.Ignore(l => l.IsHeld);
        line.Ignore(l => l.IsWaiting);
        line.Ignore(l => l.IsVoided);
        line.Ignore(l => l.ItemPrice);
        line.Property(l => l.MenuItemId).HasMaxLength(Menu.MaxIdLength);
        line.Property(l => l.Name).HasMaxLength(Menu.MaxNameLength);
        line.Property(l => l.Diner).HasMaxLength(Order.MaxDinerLength);
        line.Property(l => l.Note).HasMaxLength(Order.MaxNoteLength);
        line.Property(l => l.Status).HasConversion<string>().HasMaxLength(StatusLength);
        line.Property(l => l.Station).HasMaxLength(MenuItem.MaxStationLength);
        line.Property(l => l.Options).AsJsonList();
        line.Property(l => l.Allergens).AsJsonList();
        line.Property(l => l.Dietary).AsJsonList();
        line.Property(l => l.Comp).AsJson();
        line.Property(l => l.Void).AsJson();
        // The columns' order is explicit: SQLite rebuilds a table in this order when a migration changes it, and a
        // database built by the migrations must come out as one built from the model. Later columns go last.
        line.InColumnOrder(nameof(OrderLine.Id), nameof(OrderLine.Position), nameof(OrderLine.MenuItemId), nameof(OrderLine.Name),
            nameof(OrderLine.Quantity), nameof(OrderLine.UnitPrice), nameof(OrderLine.Diner), nameof(OrderLine.Note),
            nameof(OrderLine.TicketNumber), "OrderId", nameof(OrderLine.Status), nameof(OrderLine.Options), nameof(OrderLine.Course),
            nameof(OrderLine.Station), nameof(OrderLine.Allergens), nameof(OrderLine.Dietary), nameof(OrderLine.VoidTicketNumber),
            nameof(OrderLine.Comp), nameof(OrderLine.Void));
        line.HasIndex("OrderId", nameof(OrderLine.Position)).IsUnique();
        line.HasIndex("OrderId", nameof(OrderLine.TicketNumber));
    }
}
