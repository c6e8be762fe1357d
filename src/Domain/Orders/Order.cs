using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>A table's order from its first item to its last payment: open → billed → paid.</summary>
public sealed class Order
{
    public const int MaxTableLength = 20;
    /// <summary>With the menu's slot limits, keeps every bill exact and quick to price (docs/benchmarks.md).</summary>
    public const int MaxUnits = 200;
    public const int MaxGuests = 100;
    public const int MaxDinerLength = 40;
    public const int MaxNoteLength = 200;
    public const int MaxTendersPerPayment = 20;

    private static readonly Dictionary<(OrderStatus, OrderAction), OrderStatus> Transitions = new()
    {
        [(OrderStatus.Open, OrderAction.ChangeItems)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Submit)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Bill)] = OrderStatus.Billed,
        [(OrderStatus.Billed, OrderAction.TakePayment)] = OrderStatus.Billed,
        [(OrderStatus.Billed, OrderAction.Settle)] = OrderStatus.Paid,
    };

    private readonly List<OrderLine> _lines = [];
    private readonly List<Ticket> _tickets = [];
    private readonly List<Tender> _tenders = [];

    private Order() { }

    public string Id { get; private set; } = "";
    public string Table { get; private set; } = "";
    public int? Guests { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string AccessTokenHash { get; private set; } = "";
    /// <summary>Bumped by every change, so that two writers of one order can never both win.</summary>
    public long Version { get; private set; }
    public Bill? Bill { get; private set; }
    public Money Paid { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<Ticket> Tickets => _tickets;
    /// <summary>Every tender of every payment call, in the order they were made.</summary>
    public IReadOnlyList<Tender> Tenders => _tenders;
    public IEnumerable<OrderLine> PendingLines => _lines.Where(l => l.IsPending);
    /// <summary>What is left to pay; null until the order is billed.</summary>
    public Money? Balance => Bill?.BalanceAfter(Paid);

    public static bool IsValidTable(string? table) =>
        table is { Length: > 0 and <= MaxTableLength } && table.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static Order Open(string id, string table, int? guests, string accessTokenHash, DateTimeOffset now)
    {
        if (!IsValidTable(table))
            throw new DomainException(DomainErrors.InvalidTable, $"A table is 1 to {MaxTableLength} letters, digits or '-'.");
        if (guests is < 1 or > MaxGuests)
            throw new DomainException(DomainErrors.InvalidGuests, $"A table seats 1 to {MaxGuests} guests.");
        return new Order
        {
            Id = id,
            Table = table,
            Guests = guests,
            Status = OrderStatus.Open,
            CreatedAt = now,
            AccessTokenHash = accessTokenHash,
        };
    }

    /// <summary>Adds and removes lines as one change: either all of it applies or (by exception) none of it.</summary>
    public IReadOnlyList<OrderLine> ChangeItems(IEnumerable<NewLine> additions, IEnumerable<string> removals)
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
        var newLines = additions.ToList();
        if (newLines.Any(l => l.Diner?.Length > MaxDinerLength || l.Note?.Length > MaxNoteLength))
            throw new DomainException(DomainErrors.InvalidLine, $"A diner's name is at most {MaxDinerLength} characters and a note at most {MaxNoteLength}.");
        foreach (var line in newLines)
        {
            TextRules.Ensure(line.Diner, "diner");
            TextRules.Ensure(line.Note, "note");
        }
        var units = _lines.Except(removed).Sum(l => l.Quantity.Value) + newLines.Sum(l => l.Quantity.Value);
        if (units > MaxUnits)
            throw new DomainException(DomainErrors.OrderTooLarge, $"An order holds at most {MaxUnits} units; this change would make it {units}.");
        Apply(OrderAction.ChangeItems);
        foreach (var line in removed) _lines.Remove(line);
        var added = new List<OrderLine>();
        var position = _lines.Count == 0 ? 0 : _lines.Max(l => l.Position);
        foreach (var addition in newLines)
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
        Apply(OrderAction.Submit);
        var ticket = new Ticket(_tickets.Count + 1, now);
        _tickets.Add(ticket);
        foreach (var line in pending) line.SendWith(ticket.Number);
        return ticket;
    }

    /// <summary>Closes the order with the bill priced once; asking again returns that same frozen bill.</summary>
    public Bill CloseWithBill(Menu menu)
    {
        if (Bill is not null) return Bill;
        if (Status == OrderStatus.Open && _lines.Any(l => l.IsPending))
            throw new DomainException(DomainErrors.PendingItems, "Some lines were never sent to the kitchen: submit or remove them first.");
        if (Status == OrderStatus.Open && _lines.Count == 0)
            throw new DomainException(DomainErrors.EmptyOrder, "Nothing was ordered, so there is nothing to bill.");
        Apply(OrderAction.Bill);
        var units = _lines.OrderBy(l => l.Position)
            .Select(l => new BillLine(l.Id, l.MenuItemId, l.Name, l.Quantity.Value, l.UnitPrice, l.Diner));
        Bill = BillCalculator.Calculate(units, menu.Bundles, menu.Currency, menu.TaxRate);
        return Bill;
    }

    /// <summary>
    /// Starts one payment call of any number of tenders adding up to the whole balance. Cash counts at once; cards
    /// stay pending until <see cref="RecordOutcome"/>, and while any is pending no other payment may start, so no two
    /// calls ever take the same balance. A card's tip is at most <paramref name="maxTipRatio"/> times its amount.
    /// </summary>
    public IReadOnlyList<Tender> TakePayment(Money total, IReadOnlyList<NewTender> tenders, DateTimeOffset now, decimal maxTipRatio)
    {
        EnsureAllowed(OrderAction.TakePayment);
        if (_tenders.Any(t => t.Status == TenderStatus.Pending))
            throw new DomainException(DomainErrors.PaymentInProgress, "A card payment of this order is still being confirmed with the card gateway; try again shortly.");
        var balance = Balance!.Value;
        if (total != balance)
            throw new DomainException(DomainErrors.TotalMismatch, $"The balance is {balance}, not {total}: pay the balance as it is now.")
            {
                Facts = new Dictionary<string, object> { ["balance"] = balance },
            };
        EnsureValid(total, tenders, maxTipRatio);
        Apply(OrderAction.TakePayment);
        var attemptId = NewId();
        var created = tenders.Select((tender, index) => new Tender(NewId(), attemptId, index, tender, Bill!.Currency, now)).ToList();
        _tenders.AddRange(created);
        foreach (var tender in created.Where(t => t.Status == TenderStatus.Succeeded)) Paid += tender.Amount;
        SettleIfPaidUp();
        return created;
    }

    /// <summary>Records what the gateway answered for a pending card; a success counts against the balance.</summary>
    public void RecordOutcome(string tenderId, TenderResult result)
    {
        EnsureAllowed(OrderAction.TakePayment);
        var tender = _tenders.Find(t => t.Id == tenderId)
            ?? throw new DomainException(DomainErrors.UnknownTender, $"Tender '{tenderId}' is not in this order.");
        tender.Record(result);
        Apply(OrderAction.TakePayment);
        if (tender.Status == TenderStatus.Succeeded) Paid += tender.Amount;
        SettleIfPaidUp();
    }

    private static void EnsureValid(Money total, IReadOnlyList<NewTender> tenders, decimal maxTipRatio)
    {
        if (tenders.Count is < 1 or > MaxTendersPerPayment) RefusePayment($"A payment has 1 to {MaxTendersPerPayment} tenders.");
        if (tenders.Any(t => t.Amount == Money.Zero)) RefusePayment("Every tender pays a positive amount.");
        if (tenders.Any(t => t.Method == TenderMethod.Cash && (t.Tip != Money.Zero || t.CardToken is not null)))
            RefusePayment("A cash tender has neither a tip nor a card token.");
        if (tenders.Any(t => t.Method == TenderMethod.Card && t.CardToken is not { Length: > 0 and <= Tender.MaxCardTokenLength }))
            RefusePayment($"A card tender needs a card token of at most {Tender.MaxCardTokenLength} characters.");
        foreach (var tender in tenders) TextRules.Ensure(tender.CardToken, "cardToken");
        if (tenders.Any(t => !Tender.IsTipAllowed(t.Amount, t.Tip, maxTipRatio)))
            throw new DomainException(DomainErrors.InvalidPayment, Tender.TipRefusal(maxTipRatio)) { Field = "tip" };
        if (tenders.Aggregate(Money.Zero, (sum, t) => sum + t.Amount) != total)
            RefusePayment($"The tenders' amounts must add up to the total {total}.");
    }

    private static void RefusePayment(string reason) => throw new DomainException(DomainErrors.InvalidPayment, reason);

    private void SettleIfPaidUp()
    {
        if (Balance == Money.Zero) Apply(OrderAction.Settle);
    }

    private void Apply(OrderAction action)
    {
        Status = EnsureAllowed(action);
        Version++;
    }

    private OrderStatus EnsureAllowed(OrderAction action) =>
        Transitions.TryGetValue((Status, action), out var next)
            ? next
            : throw new DomainException(RefusalFor(Status), $"An order that is {Status.ToString().ToLowerInvariant()} cannot {Describe(action)}.");

    private static string RefusalFor(OrderStatus status) => status switch
    {
        OrderStatus.Open => DomainErrors.NotBilled,
        OrderStatus.Billed => DomainErrors.OrderBilled,
        _ => DomainErrors.OrderPaid,
    };

    private static string Describe(OrderAction action) => action switch
    {
        OrderAction.ChangeItems => "change its items",
        OrderAction.Submit => "send items to the kitchen",
        OrderAction.Bill => "be billed",
        OrderAction.TakePayment => "take a payment",
        _ => "be settled",
    };

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}

/// <summary>A line a diner asks for, checked against the menu before it reaches the order.</summary>
public sealed record NewLine(MenuItem Item, Quantity Quantity, string? Diner, string? Note);
