namespace Restaurant.Api.Features.Events;

/// <summary>The event types of the streams, as the wire names them (<c>event:</c> and the data's <c>type</c>).</summary>
public static class EventTypes
{
    public const string OrderOpened = "order_opened";
    public const string DinerJoined = "diner_joined";
    public const string ItemsChanged = "items_changed";
    public const string Ticket = "ticket";
    public const string LineStatus = "line_status";
    public const string Void = "void";
    public const string Comp = "comp";
    public const string Discount = "discount";
    public const string Bill = "bill";
    public const string Payment = "payment";
    public const string Refund = "refund";
    public const string OrderStatus = "order_status";

    /// <summary>Every type an order's stream carries.</summary>
    public static readonly string[] Order =
        [OrderOpened, DinerJoined, ItemsChanged, Ticket, LineStatus, Void, Comp, Discount, Bill, Payment, Refund, OrderStatus];

    /// <summary>The types the kitchen's stream carries.</summary>
    public static readonly string[] Kitchen = [Ticket, LineStatus];
}
