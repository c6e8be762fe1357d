namespace Restaurant.Domain.Orders;

/// <summary>Units of one menu item for one diner, at the price the menu had when they were added.</summary>
public sealed class OrderLine
{
    private OrderLine() { }

    internal OrderLine(string id, int position, string menuItemId, string name, Quantity quantity, Money unitPrice, string? diner, string? note)
    {
        Id = id;
        Position = position;
        MenuItemId = menuItemId;
        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Diner = diner;
        Note = note;
    }

    public string Id { get; private set; } = "";
    /// <summary>Order of addition within the order; keeps views and tickets stable.</summary>
    public int Position { get; private set; }
    public string MenuItemId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Quantity Quantity { get; private set; }
    public Money UnitPrice { get; private set; }
    public string? Diner { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The ticket that took this line to the kitchen; null while pending.</summary>
    public int? TicketNumber { get; private set; }

    public bool IsPending => TicketNumber is null;

    internal void SendWith(int ticketNumber) => TicketNumber = ticketNumber;
}
