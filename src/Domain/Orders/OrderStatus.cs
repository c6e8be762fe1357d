namespace Restaurant.Domain.Orders;

public enum OrderStatus
{
    Open,
    Billed,
    Paid,
    /// <summary>Closed without a bill (by staff, or by the server when abandoned): it frees the table.</summary>
    Cancelled,
}

/// <summary>What can happen to an order; <see cref="Order"/> allows each only in the states of its transition table.</summary>
public enum OrderAction
{
    Join,
    ChangeItems,
    Submit,
    /// <summary>Send held lines to the kitchen.</summary>
    Fire,
    Void,
    Comp,
    /// <summary>Give or remove a discount, set the service charge.</summary>
    Adjust,
    /// <summary>The kitchen moves lines forward (preparing, ready, served).</summary>
    MoveLines,
    Bill,
    TakePayment,
    Settle,
    /// <summary>Give money back from a succeeded tender, or record what the gateway said about it.</summary>
    Refund,
    Cancel,
}

/// <summary>How much of an order's bill has been paid, whatever its status.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
}
