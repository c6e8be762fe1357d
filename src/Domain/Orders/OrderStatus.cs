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
    Bill,
    TakePayment,
    Settle,
}
