namespace Restaurant.Domain.Orders;

/// <summary>A line to void, and how many of its units (all of them when null).</summary>
public sealed record LineVoid(string LineId, int? Quantity);

/// <summary>What happens to lines once the kitchen has them: the kitchen's statuses, voids and comps.</summary>
public sealed partial class Order
{
    /// <summary>
    /// Voids sent lines (all their units, or some: the line splits, and the voided part becomes a line of its own).
    /// The voided units leave the bill, and the kitchen gets a void ticket listing them, numbered like every other
    /// ticket of the order. Staff only; refused once the order is billed.
    /// </summary>
    public Ticket Void(IReadOnlyList<LineVoid> voids, string? reason, string by, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Void);
        var audit = LineAudit.Create(reason, by, now);
        if (voids.Count == 0)
            throw new DomainException(DomainErrors.InvalidLine, "Name at least one line to void.") { Field = "lines" };
        if (voids.Select(v => v.LineId).Distinct().Count() != voids.Count)
            throw new DomainException(DomainErrors.InvalidLine, "Name each line once; to void part of a line, give its quantity.") { Field = "lines" };
        var targets = voids.Select(v =>
        {
            var line = FindLine(v.LineId);
            line.EnsureCanMoveTo(LineStatus.Voided);
            var quantity = v.Quantity ?? line.Quantity.Value;
            if (quantity < 1 || quantity > line.Quantity.Value)
                throw new DomainException(DomainErrors.InvalidLine,
                    $"Line '{line.Id}' has {line.Quantity.Value} units; void 1 to {line.Quantity.Value} of them.") { Field = "lines" };
            return (Line: line, Quantity: quantity);
        }).ToList();

        Apply(OrderAction.Void, now);
        var ticket = NewTicket(TicketKind.Void, now);
        foreach (var (line, quantity) in targets)
        {
            var voided = line;
            if (quantity < line.Quantity.Value)
            {
                voided = line.SplitOff(NewId(), NextPosition(), new Quantity(quantity));
                _lines.Add(voided);
            }
            voided.VoidOn(ticket.Number, audit);
        }
        return ticket;
    }

    /// <summary>
    /// Comps lines: they stay on their tickets and on the bill at a price of zero, and fill no bundle. Staff only;
    /// refused once the order is billed.
    /// </summary>
    public void Comp(IReadOnlyList<string> lineIds, string? reason, string by, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Comp);
        var audit = LineAudit.Create(reason, by, now);
        if (lineIds.Count == 0)
            throw new DomainException(DomainErrors.InvalidLine, "Name at least one line to comp.") { Field = "lines" };
        var lines = lineIds.Distinct().Select(FindLine).ToList();
        foreach (var line in lines) line.EnsureCompable();
        Apply(OrderAction.Comp, now);
        foreach (var line in lines) line.CompWith(audit);
    }

    /// <summary>
    /// The kitchen moves the lines of its ticket <paramref name="ticketNumber"/> forward to <paramref name="status"/>:
    /// those listed (each must be on the ticket and able to move there, or already be there), or else every line of
    /// the ticket that is not voided and not already at or past it. Returns the lines that moved.
    /// </summary>
    public IReadOnlyList<OrderLine> MoveLines(int ticketNumber, LineStatus status, IReadOnlyList<string>? lineIds, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.MoveLines);
        if (status is not (LineStatus.Preparing or LineStatus.Ready or LineStatus.Served))
            throw new DomainException(DomainErrors.InvalidStatusChange, "The kitchen moves lines to preparing, ready or served.");
        var ticket = _tickets.Find(t => t.Number == ticketNumber)
            ?? throw new DomainException(DomainErrors.UnknownTicket, $"This order has no ticket {ticketNumber}.");
        if (ticket.Kind == TicketKind.Void)
            throw new DomainException(DomainErrors.InvalidStatusChange, $"Ticket {ticketNumber} is a void ticket: its lines are voided and never move.");
        var onTicket = _lines.Where(l => l.TicketNumber == ticketNumber).ToList();
        List<OrderLine> moving;
        if (lineIds is null)
        {
            var live = onTicket.Where(l => !l.IsVoided).ToList();
            if (live.Count == 0)
                throw new DomainException(DomainErrors.InvalidStatusChange, $"Every line of ticket {ticketNumber} is voided: nothing can move.");
            moving = live.Where(l => l.CanMoveTo(status)).ToList();
        }
        else
        {
            moving = [];
            foreach (var lineId in lineIds.Distinct())
            {
                var line = onTicket.Find(l => l.Id == lineId)
                    ?? throw new DomainException(DomainErrors.UnknownLine, $"Line '{lineId}' is not on ticket {ticketNumber}.");
                if (line.Status == status) continue; // already there: asking again changes nothing
                line.EnsureCanMoveTo(status);
                moving.Add(line);
            }
        }
        if (moving.Count == 0) return [];
        Apply(OrderAction.MoveLines, now);
        foreach (var line in moving) line.MoveTo(status);
        return moving;
    }
}
