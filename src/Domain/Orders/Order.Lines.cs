using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Orders;

/// <summary>The order's lines and the tickets that send them to the kitchen: submit sends what is pending, fire what is held.</summary>
public sealed partial class Order
{
    /// <summary>
    /// Adds and removes lines as one change: either all of it applies or (by exception) none of it. The additions come
    /// finished (their items and options looked up in the menu), so every refusal here is the order's own. A line
    /// may be removed until the kitchen has it (pending or held); after that it can only be voided.
    /// </summary>
    public IReadOnlyList<OrderLine> ChangeItems(IReadOnlyList<NewLine> additions, IEnumerable<string> removals, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.ChangeItems);
        var removed = removals.Distinct().Select(lineId =>
        {
            var line = FindLine(lineId);
            if (!line.IsWaiting)
                throw new DomainException(DomainErrors.LineSubmitted, $"Line '{lineId}' is already with the kitchen (ticket {line.TicketNumber}).");
            return line;
        }).ToList();
        if (additions.Any(l => l.Diner?.Length > MaxDinerLength || l.Note?.Length > MaxNoteLength))
            throw new DomainException(DomainErrors.InvalidLine, $"A diner's name is at most {MaxDinerLength} characters and a note at most {MaxNoteLength}.");
        if (additions.Any(l => l.Course is { } course && !MenuItem.IsValidCourse(course)))
            throw new DomainException(DomainErrors.InvalidLine, $"A course is 1 to {MenuItem.MaxCourse}.");
        foreach (var line in additions)
        {
            TextRules.Ensure(line.Diner, "diner");
            TextRules.Ensure(line.Note, "note");
        }
        // Voided units count too: they stay on the order (and its tickets) for the record.
        var units = _lines.Except(removed).Sum(l => l.Quantity.Value) + additions.Sum(l => l.Quantity.Value);
        if (units > MaxUnits)
            throw new DomainException(DomainErrors.OrderTooLarge, $"An order holds at most {MaxUnits} units; this change would make it {units}.");
        Apply(OrderAction.ChangeItems, now);
        foreach (var line in removed) _lines.Remove(line);
        var added = new List<OrderLine>(additions.Count);
        foreach (var addition in additions)
        {
            var line = new OrderLine(NewId(), NextPosition(), addition);
            _lines.Add(line);
            added.Add(line);
        }
        return added;
    }

    /// <summary>Sends every pending line that is not held to the kitchen as the next ticket; null when there is none.</summary>
    public Ticket? Submit(DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Submit);
        var pending = PendingLines.ToList();
        if (pending.Count == 0) return null;
        Apply(OrderAction.Submit, now);
        return Send(pending, now);
    }

    /// <summary>
    /// Sends the held lines (of <paramref name="course"/>, or all of them) to the kitchen as the next ticket, in the
    /// order's one numbering; null when nothing is held.
    /// </summary>
    public Ticket? Fire(int? course, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Fire);
        if (course is { } c && !MenuItem.IsValidCourse(c))
            throw new DomainException(DomainErrors.InvalidLine, $"A course is 1 to {MenuItem.MaxCourse}.") { Field = "course" };
        var held = HeldLines.Where(l => course is null || l.Course == course).ToList();
        if (held.Count == 0) return null;
        Apply(OrderAction.Fire, now);
        return Send(held, now);
    }

    /// <summary>The lines a ticket carries: those it sent, or for a void ticket those it voided; in order of addition.</summary>
    public IEnumerable<OrderLine> LinesOf(Ticket ticket) => _lines.Where(l => l.IsOn(ticket.Kind, ticket.Number)).OrderBy(l => l.Position);

    private Ticket Send(List<OrderLine> lines, DateTimeOffset now)
    {
        var ticket = NewTicket(TicketKind.Order, now);
        foreach (var line in lines) line.SendWith(ticket.Number);
        return ticket;
    }

    private Ticket NewTicket(TicketKind kind, DateTimeOffset now)
    {
        var ticket = new Ticket(_tickets.Count + 1, kind, now);
        _tickets.Add(ticket);
        return ticket;
    }

    private OrderLine FindLine(string lineId) =>
        _lines.Find(l => l.Id == lineId) ?? throw new DomainException(DomainErrors.UnknownLine, $"Line '{lineId}' is not in this order.");

    private int NextPosition() => _lines.Count == 0 ? 1 : _lines.Max(l => l.Position) + 1;
}
