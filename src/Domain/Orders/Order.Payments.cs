using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>Tenders against the frozen bill, written ahead of any card charge; the order settles at a zero balance.</summary>
public sealed partial class Order
{
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
}
