namespace Restaurant.Domain.Orders;

/// <summary>
/// Where a line is: waiting at the table (pending, or held back until it is fired), then with the kitchen, which moves
/// it forward only (sent → preparing → ready → served); a sent line may be voided, and a voided line never moves again.
/// </summary>
public enum LineStatus
{
    Pending,
    Held,
    Sent,
    Preparing,
    Ready,
    Served,
    Voided,
}
