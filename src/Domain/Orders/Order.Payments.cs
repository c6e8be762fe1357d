using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>Tenders against the frozen bill, written ahead of any card charge; the order settles at a zero balance.</summary>
public sealed partial class Order
{
    /// <summary>What the tenders still being confirmed with the card gateway hold back from the balance.</summary>
    public Money PendingAmount => _tenders.Where(t => t.Status == TenderStatus.Pending).Aggregate(Money.Zero, (sum, t) => sum + t.Amount);

    /// <summary>
    /// What the tenders tagged with <paramref name="diner"/> took (a bill share's <c>paid</c>); tenders nobody was
    /// named on count for the share of the lines nobody was named on.
    /// </summary>
    public Money PaidBy(string? diner) => _tenders.Where(t => t.Status == TenderStatus.Succeeded && t.Diner == diner)
        .Aggregate(Money.Zero, (sum, t) => sum + t.Amount);

    /// <summary>How far the order has been paid: nothing yet, a part of it, or all of it.</summary>
    public PaymentStatus PaymentStatus => PaymentStatusOf(Status, Paid);

    /// <summary>The payment status of an order in <paramref name="status"/> that took <paramref name="paid"/> (for lists read without the aggregate).</summary>
    public static PaymentStatus PaymentStatusOf(OrderStatus status, Money paid) =>
        status == OrderStatus.Paid ? PaymentStatus.Paid : paid > Money.Zero ? PaymentStatus.PartiallyPaid : PaymentStatus.Unpaid;

    /// <summary>
    /// Starts one payment call of any number of tenders adding up to <paramref name="total"/>: the whole balance or a
    /// diner's part of it. Cash counts at once; cards stay pending until <see cref="RecordOutcome"/>, and while they
    /// are pending their amounts are held back from the balance, so that no two calls (from two phones, on two
    /// nodes) can ever pay the same money, while several diners can pay their own parts at the same time. A card's
    /// tip is at most <paramref name="maxTipRatio"/> times its amount.
    /// </summary>
    public IReadOnlyList<Tender> TakePayment(Money total, IReadOnlyList<NewTender> tenders, DateTimeOffset now, decimal maxTipRatio)
    {
        EnsureAllowed(OrderAction.TakePayment);
        EnsureValid(total, tenders, maxTipRatio);
        var balance = Balance!.Value;
        var pending = PendingAmount;
        if (total.Minor > balance.Minor - pending.Minor)
            throw new DomainException(DomainErrors.TotalExceedsBalance, pending == Money.Zero
                ? $"The balance is {balance}: {total} is more than is left to pay."
                : $"The balance is {balance}, of which {pending} is being paid by cards still being confirmed: {total} is more than is left to pay.")
            {
                Facts = new Dictionary<string, object> { ["balance"] = balance, ["pending"] = pending },
            };
        Apply(OrderAction.TakePayment, now);
        var attemptId = NewId();
        var created = tenders.Select((tender, index) => new Tender(NewId(), attemptId, index, tender, Bill!.Currency, now)).ToList();
        _tenders.AddRange(created);
        foreach (var tender in created.Where(t => t.Status == TenderStatus.Succeeded)) Paid += tender.Amount;
        SettleIfPaidUp(now);
        return created;
    }

    /// <summary>Records what the gateway answered for a pending card; a success counts against the balance.</summary>
    public void RecordOutcome(string tenderId, TenderResult result, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.TakePayment);
        var tender = _tenders.Find(t => t.Id == tenderId)
            ?? throw new DomainException(DomainErrors.UnknownTender, $"Tender '{tenderId}' is not in this order.");
        tender.Record(result);
        Apply(OrderAction.TakePayment, now);
        if (tender.Status == TenderStatus.Succeeded) Paid += tender.Amount;
        SettleIfPaidUp(now);
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
        if (tenders.Any(t => t.Diner?.Length > MaxDinerLength))
            throw new DomainException(DomainErrors.InvalidPayment, $"A diner's name is at most {MaxDinerLength} characters.") { Field = "diner" };
        foreach (var tender in tenders) TextRules.Ensure(tender.Diner, "diner");
        if (tenders.Any(t => !Tender.IsTipAllowed(t.Amount, t.Tip, maxTipRatio)))
            throw new DomainException(DomainErrors.InvalidPayment, Tender.TipRefusal(maxTipRatio)) { Field = "tip" };
        if (tenders.Aggregate(Money.Zero, (sum, t) => sum + t.Amount) != total)
            RefusePayment($"The tenders' amounts must add up to the total {total}.");
    }

    private static void RefusePayment(string reason) => throw new DomainException(DomainErrors.InvalidPayment, reason);

    private void SettleIfPaidUp(DateTimeOffset now)
    {
        if (Balance == Money.Zero) Apply(OrderAction.Settle, now);
    }
}
