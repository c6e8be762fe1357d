namespace Restaurant.Domain.Orders;

/// <summary>The order's lines and the kitchen tickets they go out on.</summary>
public sealed partial class Order
{
    /// <summary>
    /// Adds and removes lines as one change: either all of it applies or (by exception) none of it. The additions come
    /// finished (their menu items looked up), so every refusal here is the order's own.
    /// </summary>
    public IReadOnlyList<OrderLine> ChangeItems(IReadOnlyList<NewLine> additions, IEnumerable<string> removals, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.ChangeItems);
        var removed = removals.Distinct().Select(lineId =>
        {
            var line = _lines.Find(l => l.Id == lineId)
                ?? throw new DomainException(DomainErrors.UnknownLine, $"Line '{lineId}' is not in this order.");
            if (!line.IsPending)
                throw new DomainException(DomainErrors.LineSubmitted, $"Line '{lineId}' is already with the kitchen (ticket {line.TicketNumber}).");
            return line;
        }).ToList();
        if (additions.Any(l => l.Diner?.Length > MaxDinerLength || l.Note?.Length > MaxNoteLength))
            throw new DomainException(DomainErrors.InvalidLine, $"A diner's name is at most {MaxDinerLength} characters and a note at most {MaxNoteLength}.");
        foreach (var line in additions)
        {
            TextRules.Ensure(line.Diner, "diner");
            TextRules.Ensure(line.Note, "note");
        }
        var units = _lines.Except(removed).Sum(l => l.Quantity.Value) + additions.Sum(l => l.Quantity.Value);
        if (units > MaxUnits)
            throw new DomainException(DomainErrors.OrderTooLarge, $"An order holds at most {MaxUnits} units; this change would make it {units}.");
        Apply(OrderAction.ChangeItems, now);
        foreach (var line in removed) _lines.Remove(line);
        var added = new List<OrderLine>();
        var position = _lines.Count == 0 ? 0 : _lines.Max(l => l.Position);
        foreach (var addition in additions)
        {
            var line = new OrderLine(NewId(), ++position, addition.Item.Id, addition.Item.Name, addition.Quantity,
                addition.Item.Price, addition.Diner, addition.Note);
            _lines.Add(line);
            added.Add(line);
        }
        return added;
    }

    /// <summary>Sends every pending line to the kitchen as the next ticket; null when nothing is pending.</summary>
    public Ticket? Submit(DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Submit);
        var pending = PendingLines.ToList();
        if (pending.Count == 0) return null;
        Apply(OrderAction.Submit, now);
        var ticket = new Ticket(_tickets.Count + 1, now);
        _tickets.Add(ticket);
        foreach (var line in pending) line.SendWith(ticket.Number);
        return ticket;
    }
}
