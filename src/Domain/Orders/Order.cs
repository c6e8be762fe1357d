using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>
/// A table's order from its first item to its last payment: open → billed → paid. One aggregate (one row version,
/// one transaction per change), written in one file per concern: this file holds its state, its limits and the
/// transition table every change goes through; Order.Lines.cs the lines and the tickets that send them (submit,
/// fire); Order.Kitchen.cs what happens to sent lines (void, comp, the kitchen's statuses); Order.Billing.cs the bill;
/// Order.Payments.cs the tenders. Each concern's rules live beside its state changes, and none of them
/// changes the status except through <see cref="Apply"/>.
/// </summary>
public sealed partial class Order
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
        [(OrderStatus.Open, OrderAction.Fire)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Void)] = OrderStatus.Open,
        [(OrderStatus.Open, OrderAction.Comp)] = OrderStatus.Open,
        // The kitchen keeps bumping lines while the table pays.
        [(OrderStatus.Open, OrderAction.MoveLines)] = OrderStatus.Open,
        [(OrderStatus.Billed, OrderAction.MoveLines)] = OrderStatus.Billed,
        [(OrderStatus.Paid, OrderAction.MoveLines)] = OrderStatus.Paid,
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
    public IEnumerable<OrderLine> HeldLines => _lines.Where(l => l.IsHeld);
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
        OrderAction.Fire => "fire held items",
        OrderAction.Void => "void items",
        OrderAction.Comp => "comp items",
        OrderAction.MoveLines => "move its lines",
        OrderAction.Bill => "be billed",
        OrderAction.TakePayment => "take a payment",
        _ => "be settled",
    };

    /// <summary>The length of the ids an order makes for its lines, tenders and payment calls (32 hex digits).</summary>
    public const int IdLength = 32;

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
