using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Orders;

/// <summary>
/// Units of one menu item for one diner, with the options chosen, at the price the menu had when they were added
/// (options included), and where they are on their way from the table to the kitchen and back.
/// </summary>
public sealed class OrderLine
{
    /// <summary>
    /// Every move a line can make. Anything else is refused with <see cref="DomainErrors.InvalidStatusChange"/>, or
    /// <see cref="DomainErrors.LineNotSent"/> for a void of a line the kitchen never had (remove it instead).
    /// </summary>
    private static readonly HashSet<(LineStatus From, LineStatus To)> Moves =
    [
        (LineStatus.Pending, LineStatus.Sent),
        (LineStatus.Held, LineStatus.Sent),
        (LineStatus.Sent, LineStatus.Preparing),
        (LineStatus.Sent, LineStatus.Ready),
        (LineStatus.Sent, LineStatus.Served),
        (LineStatus.Preparing, LineStatus.Ready),
        (LineStatus.Preparing, LineStatus.Served),
        (LineStatus.Ready, LineStatus.Served),
        (LineStatus.Sent, LineStatus.Voided),
        (LineStatus.Preparing, LineStatus.Voided),
        (LineStatus.Ready, LineStatus.Voided),
        (LineStatus.Served, LineStatus.Voided),
    ];

    private OrderLine() { }

    internal OrderLine(string id, int position, NewLine addition)
    {
        Id = id;
        Position = position;
        MenuItemId = addition.Item.Id;
        Name = addition.Item.Name;
        Quantity = addition.Quantity;
        Options = addition.Options;
        UnitPrice = addition.Options.Aggregate(addition.Item.Price, (price, option) => price + option.Price);
        Diner = addition.Diner;
        Note = addition.Note;
        Station = addition.Item.Station;
        Course = addition.Course ?? addition.Item.Course;
        Allergens = addition.Item.Allergens;
        Dietary = addition.Item.Dietary;
        Status = addition.Hold ? LineStatus.Held : LineStatus.Pending;
    }

    public string Id { get; private set; } = "";
    /// <summary>Order of addition within the order; keeps views and tickets stable.</summary>
    public int Position { get; private set; }
    public string MenuItemId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Quantity Quantity { get; private set; }
    /// <summary>The item's price plus its options' prices, as the menu had them when the line was added.</summary>
    public Money UnitPrice { get; private set; }
    public IReadOnlyList<ChosenOption> Options { get; private set; } = [];
    public string? Diner { get; private set; }
    public string? Note { get; private set; }
    public string Station { get; private set; } = MenuItem.DefaultStation;
    public int Course { get; private set; } = MenuItem.DefaultCourse;
    /// <summary>Copied from the menu item when the line was added, so the kitchen's ticket shows them as ordered.</summary>
    public IReadOnlyList<string> Allergens { get; private set; } = [];
    public IReadOnlyList<string> Dietary { get; private set; } = [];
    public LineStatus Status { get; private set; }
    /// <summary>The order ticket that took this line to the kitchen; null while pending or held.</summary>
    public int? TicketNumber { get; private set; }
    /// <summary>The void ticket that told the kitchen to stop this line; null unless voided.</summary>
    public int? VoidTicketNumber { get; private set; }
    public LineAudit? Comp { get; private set; }
    public LineAudit? Void { get; private set; }

    public bool IsPending => Status == LineStatus.Pending;
    public bool IsHeld => Status == LineStatus.Held;
    /// <summary>Not yet with the kitchen: it may still be removed.</summary>
    public bool IsWaiting => Status is LineStatus.Pending or LineStatus.Held;
    public bool IsVoided => Status == LineStatus.Voided;
    /// <summary>The price of the item alone: what the unit brings to a bundle (its options are always paid on top).</summary>
    public Money ItemPrice => UnitPrice - Options.Aggregate(Money.Zero, (sum, option) => sum + option.Price);

    /// <summary>Whether ticket <paramref name="number"/> of its order, of <paramref name="kind"/>, carries this line.</summary>
    public bool IsOn(TicketKind kind, int number) => (kind == TicketKind.Void ? VoidTicketNumber : TicketNumber) == number;

    /// <summary>Whether the kitchen's order of work lets this line go from where it is to <paramref name="next"/>.</summary>
    public bool CanMoveTo(LineStatus next) => Moves.Contains((Status, next));

    internal void SendWith(int ticketNumber)
    {
        MoveTo(LineStatus.Sent);
        TicketNumber = ticketNumber;
    }

    internal void MoveTo(LineStatus next)
    {
        EnsureCanMoveTo(next);
        Status = next;
    }

    /// <summary>Throws the refusal for a move the table does not allow.</summary>
    internal void EnsureCanMoveTo(LineStatus next)
    {
        if (next == LineStatus.Voided && IsWaiting)
            throw new DomainException(DomainErrors.LineNotSent, $"Line '{Id}' was never sent to the kitchen: remove it instead of voiding it.");
        if (!CanMoveTo(next))
            throw new DomainException(DomainErrors.InvalidStatusChange,
                $"Line '{Id}' is {Word(Status)} and cannot become {Word(next)}: a line only moves forward, and a voided line never moves.");
    }

    internal void VoidOn(int voidTicketNumber, LineAudit audit)
    {
        MoveTo(LineStatus.Voided);
        VoidTicketNumber = voidTicketNumber;
        Void = audit;
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> units off this line into a new line (same item, options, price, diner, note,
    /// ticket, status and comp) that the caller then voids: a partial void splits the line.
    /// </summary>
    internal OrderLine SplitOff(string id, int position, Quantity quantity)
    {
        Quantity = new Quantity(Quantity.Value - quantity.Value);
        var part = (OrderLine)MemberwiseClone();
        part.Id = id;
        part.Position = position;
        part.Quantity = quantity;
        return part;
    }

    internal void CompWith(LineAudit audit)
    {
        EnsureCompable();
        Comp = audit;
    }

    internal void EnsureCompable()
    {
        if (IsVoided) throw new DomainException(DomainErrors.InvalidStatusChange, $"Line '{Id}' is voided: there is nothing left to comp.");
        if (Comp is not null) throw new DomainException(DomainErrors.InvalidStatusChange, $"Line '{Id}' is already comped ({Comp.Reason}).");
    }

    private static string Word(LineStatus status) => status.ToString().ToLowerInvariant();
}
