namespace Restaurant.Domain.Orders;

/// <summary>One submission of pending lines to the kitchen.</summary>
public sealed class Ticket
{
    private Ticket() { }

    internal Ticket(int number, DateTimeOffset submittedAt)
    {
        Number = number;
        SubmittedAt = submittedAt;
    }

    /// <summary>Kitchen-wide order of submission, assigned by the store when the ticket is saved.</summary>
    public long Sequence { get; private set; }
    /// <summary>1, 2, … within its order, without gaps.</summary>
    public int Number { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
}
