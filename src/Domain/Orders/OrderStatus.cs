namespace Restaurant.Domain.Orders;

public enum OrderStatus
{
    Open,
    Billed,
    Paid,
}

/// <summary>What can happen to an order; <see cref="Order"/> allows each only in the states of its transition table.</summary>
public enum OrderAction
{
    ChangeItems,
    Submit,
    /// <summary>Send held lines to the kitchen.</summary>
    Fire,
    Void,
    Comp,
    /// <summary>The kitchen moves lines forward (preparing, ready, served).</summary>
    MoveLines,
    Bill,
    TakePayment,
    Settle,
}
