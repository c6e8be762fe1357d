namespace Restaurant.Domain.Orders;

/// <summary>Money given back from succeeded tenders, never more than each took (its amount and its tip).</summary>
public sealed partial class Order
{
    private readonly List<Refund> _refunds = [];

    /// <summary>Every refund of every tender, in the order they were given.</summary>
    public IReadOnlyList<Refund> Refunds => _refunds;

    /// <summary>What succeeded refunds gave back.</summary>
    public Money Refunded => _refunds.Where(r => r.Status == RefundStatus.Succeeded).Aggregate(Money.Zero, (sum, r) => sum + r.Amount);

    /// <summary>
    /// What is left to refund of <paramref name="tender"/>: what it took, less its refunds that succeeded or may still
    /// succeed (a pending one holds its amount back until the gateway settles it).
    /// </summary>
    public Money RefundableOf(Tender tender) =>
        tender.Charge - _refunds.Where(r => r.TenderId == tender.Id && r.Holds).Aggregate(Money.Zero, (sum, r) => sum + r.Amount);

    /// <summary>
    /// Staff give back <paramref name="amount"/> of a succeeded tender, with a reason. A card refund is written pending,
    /// ahead of the gateway call (<see cref="RecordRefundOutcome"/> settles it); cash is given back at once. Under the
    /// order's lock, so two refunds of one tender at the same time never give back more than it took.
    /// </summary>
    public Refund Refund(string tenderId, Money amount, string? reason, string by, DateTimeOffset now)
    {
        var tender = _tenders.Find(t => t.Id == tenderId);
        if (tender is not { Status: TenderStatus.Succeeded })
            throw new DomainException(DomainErrors.TenderNotRefundable, tender is null
                ? $"This order has no tender '{tenderId}'."
                : $"Tender '{tenderId}' is {tender.Status.ToString().ToLowerInvariant()}: only money taken can be given back.");
        EnsureAllowed(OrderAction.Refund);
        var audit = LineAudit.Create(reason, by, now);
        if (amount == Money.Zero)
            throw new DomainException(DomainErrors.InvalidRefund, "A refund gives back a positive amount.") { Field = "amount" };
        var refundable = RefundableOf(tender);
        if (amount > refundable)
            throw new DomainException(DomainErrors.RefundExceedsPayment,
                $"Tender '{tenderId}' took {tender.Charge} (tip included); {refundable} of it is left to refund, less than {amount}.")
            {
                Facts = new Dictionary<string, object> { ["refundable"] = refundable },
            };
        Apply(OrderAction.Refund, now);
        var refund = new Refund(NewId(), tender, amount, audit);
        _refunds.Add(refund);
        return refund;
    }

    /// <summary>Records what the gateway said about a pending card refund (still pending: only its gateway id, if new).</summary>
    public void RecordRefundOutcome(string refundId, RefundResult result, DateTimeOffset now)
    {
        var refund = _refunds.Find(r => r.Id == refundId)
            ?? throw new DomainException(DomainErrors.UnknownRefund, $"Refund '{refundId}' is not in this order.");
        EnsureAllowed(OrderAction.Refund);
        refund.Record(result);
        Apply(OrderAction.Refund, now);
    }
}
