namespace Restaurant.Domain.Orders;

/// <summary>What a ticket tells the kitchen: make these lines, or stop these (voided) lines.</summary>
public enum TicketKind
{
    Order,
    Void,
}

/// <summary>One message to the kitchen: lines submitted or fired, or lines voided.</summary>
public sealed class Ticket
{
    private Ticket() { }

    internal Ticket(int number, TicketKind kind, DateTimeOffset submittedAt)
    {
        Number = number;
        Kind = kind;
        SubmittedAt = submittedAt;
    }

    /// <summary>The ticket's place in the kitchen's one sequence (only grows; not consecutive), assigned by the store when the ticket is saved.</summary>
    public long Sequence { get; private set; }
    /// <summary>1, 2, … within its order, without gaps; order and void tickets share the numbering.</summary>
    public int Number { get; private set; }
    public TicketKind Kind { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
}
