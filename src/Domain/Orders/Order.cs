using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>
/// A table's order from its first item to its last payment: open → billed → paid, or open → cancelled. One aggregate
/// (one row version, one transaction per change), written in one file per concern: this file holds its state, its
/// limits, the transition table every change goes through and cancelling; Order.Diners.cs the diners who join it;
/// Order.Lines.cs the lines and the tickets that send them (submit, fire); Order.Kitchen.cs what happens to sent lines
/// (void, comp, the kitchen's statuses); Order.Adjustments.cs discounts and the service charge; Order.Billing.cs the
/// bill; Order.Payments.cs the tenders; Order.Refunds.cs the money given back. Each concern's rules
/// live beside its state changes, and none of them changes the status except through <see cref="Apply"/>.
/// </summary>
public sealed partial class Order
{
    public const int MaxTableLength = Tables.Table.MaxIdLength;
    /// <summary>With the menu's slot limits, keeps every bill exact and quick to price (docs/benchmarks.md).</summary>
    public const int MaxUnits = 200;
    public const int MaxGuests = 100;
    public const int MaxDinerLength = 40;
    public const int MaxNoteLength = 200;
    public const int MaxTendersPerPayment = 20;

    private static readonly Dictionary<(OrderStatus, OrderAction), OrderStatus> Transitions = new()
    {
        [(OrderStatus.Open, OrderAction.Join)] = OrderStatus.Open,
        [(OrderStatus.Billed, OrderAction.Join)] = OrderStatus.Billed,
        [(OrderStatus.Open, OrderAction.ChangeItems)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Submit)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Fire)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Void)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Comp)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Adjust)] = OrderStatus.Open,
        // The kitchen keeps bumping lines while the table pays.
        [(OrderStatus.Open, OrderAction.MoveLines)] = OrderStatus.Open,
        [(OrderStatus.Billed, OrderAction.MoveLines)] = OrderStatus.Billed,
        [(OrderStatus.Paid, OrderAction.MoveLines)] = OrderStatus.Paid,
        [(OrderStatus.Open, OrderAction.Bill)] = OrderStatus.Billed,
        [(OrderStatus.Billed, OrderAction.TakePayment)] = OrderStatus.Billed,
        [(OrderStatus.Billed, OrderAction.Settle)] = OrderStatus.Paid,
        [(OrderStatus.Open, OrderAction.Cancel)] = OrderStatus.Cancelled,
        // Money goes back while the table pays, and after.
        [(OrderStatus.Billed, OrderAction.Refund)] = OrderStatus.Billed,
        [(OrderStatus.Paid, OrderAction.Refund)] = OrderStatus.Paid,
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
    /// <summary>When the order last changed (opened, joined, lines, kitchen, bill, payments): how long it has stood idle.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Bumped by every change, so that two writers of one order can never both win.</summary>
    public long Version { get; private set; }
    public Bill? Bill { get; private set; }
    public Money Paid { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<Ticket> Tickets => _tickets;
    /// <summary>Every tender of every payment call, in the order they were made.</summary>
    public IReadOnlyList<Tender> Tenders => _tenders;
    public IEnumerable<OrderLine> PendingLines => _lines.Where(l => l.IsPending);
    public IEnumerable<OrderLine> HeldLines => _lines.Where(l => l.IsHeld);
    /// <summary>What is left to pay; null until the order is billed.</summary>
    public Money? Balance => Bill?.BalanceAfter(Paid);

    /// <summary>Whether the order still holds its table: it is neither paid nor cancelled.</summary>
    public bool IsActive => Status is not (OrderStatus.Paid or OrderStatus.Cancelled);

    /// <summary>A new order for <paramref name="table"/>; diners get into it with <see cref="Admit"/>.</summary>
    public static Order Open(string id, string table, int? guests, DateTimeOffset now)
    {
        if (!Tables.Table.IsValidId(table)) throw new DomainException(DomainErrors.InvalidTable, Tables.Table.IdRule);
        if (guests is < 1 or > MaxGuests)
            throw new DomainException(DomainErrors.InvalidGuests, $"A table seats 1 to {MaxGuests} guests.");
        return new Order
        {
            Id = id,
            Table = table,
            Guests = guests,
            Status = OrderStatus.Open,
            CreatedAt = now,
            LastChangedAt = now,
        };
    }

    /// <summary>
    /// Cancels an order that left nothing on the kitchen's side (no line sent, or every sent line voided) and took no
    /// money: it frees its table and refuses every change from then on.
    /// </summary>
    public void Cancel(DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Cancel);
        if (_lines.Any(l => !l.IsPending && !l.IsHeld && !l.IsVoided))
            throw new DomainException(DomainErrors.OrderNotCancellable, "Lines of this order are with the kitchen, so it cannot be cancelled; void them first.");
        if (_tenders.Count > 0)
            throw new DomainException(DomainErrors.OrderNotCancellable, "This order has taken payments, so it cannot be cancelled.");
        Apply(OrderAction.Cancel, now);
    }

    /// <summary>
    /// Whether the server should cancel this order: nothing of it ever reached the kitchen, and nobody changed it since
    /// <paramref name="idleSince"/>.
    /// </summary>
    public bool IsAbandoned(DateTimeOffset idleSince) =>
        Status == OrderStatus.Open && _tickets.Count == 0 && LastChangedAt <= idleSince;

    private void Apply(OrderAction action, DateTimeOffset now)
    {
        Status = EnsureAllowed(action);
        Version++;
        LastChangedAt = now;
    }

    private OrderStatus EnsureAllowed(OrderAction action) =>
        Transitions.TryGetValue((Status, action), out var next)
            ? next
            : throw new DomainException(RefusalFor(Status, action), $"An order that is {Status.ToString().ToLowerInvariant()} cannot {Describe(action)}.");

    private static string RefusalFor(OrderStatus status, OrderAction action) => (status, action) switch
    {
        (OrderStatus.Cancelled, _) => DomainErrors.OrderCancelled,
        (_, OrderAction.Cancel) => DomainErrors.OrderNotCancellable,
        (OrderStatus.Open, _) => DomainErrors.NotBilled,
        (OrderStatus.Billed, _) => DomainErrors.OrderBilled,
        _ => DomainErrors.OrderPaid,
    };

    private static string Describe(OrderAction action) => action switch
    {
        OrderAction.Join => "be joined",
        OrderAction.ChangeItems => "change its items",
        OrderAction.Submit => "send items to the kitchen",
        OrderAction.Fire => "fire held items",
        OrderAction.Void => "void items",
        OrderAction.Comp => "comp items",
        OrderAction.Adjust => "change its discounts or service charge",
        OrderAction.Refund => "refund a payment",
        OrderAction.MoveLines => "move its lines",
        OrderAction.Bill => "be billed",
        OrderAction.TakePayment => "take a payment",
        OrderAction.Cancel => "be cancelled",
        _ => "be settled",
    };

    /// <summary>The length of the ids an order makes for its lines, tenders and payment calls (32 hex digits).</summary>
    public const int IdLength = 32;

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
