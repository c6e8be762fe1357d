namespace Restaurant.Domain.Orders;

public enum RefundStatus
{
    /// <summary>Written ahead of the gateway call, or accepted by the gateway and not yet settled.</summary>
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// Money given back from one succeeded tender. A card refund is written (pending, with a key derived from its own id)
/// before the gateway is asked, so that asking again after a timeout or a crash finds the first refund instead of
/// making a second; a cash refund is in the guest's hand when it is recorded.
/// </summary>
public sealed class Refund
{
    /// <summary>"restaurant-refund-" and the refund's id, with room to spare.</summary>
    public const int MaxGatewayKeyLength = 64;
    public const int MaxGatewayRefundIdLength = 255;
    public const int MaxFailureReasonLength = 200;

    private Refund() { }

    internal Refund(string id, Tender tender, Money amount, LineAudit audit)
    {
        Id = id;
        TenderId = tender.Id;
        Amount = amount;
        Currency = tender.Currency;
        Audit = audit;
        CreatedAt = audit.At;
        if (tender.Method == TenderMethod.Cash)
        {
            Status = RefundStatus.Succeeded;
        }
        else
        {
            Status = RefundStatus.Pending;
            // Derived, never random: a crash between the write and the call must not let a second refund through.
            GatewayKey = "restaurant-refund-" + id;
        }
    }

    public string Id { get; private set; } = "";
    public string TenderId { get; private set; } = "";
    public Money Amount { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>Who gave it (a staff key's non-secret id), when and why.</summary>
    public LineAudit Audit { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public RefundStatus Status { get; private set; }
    /// <summary>Card refunds only: the idempotency key every request for this refund carries.</summary>
    public string? GatewayKey { get; private set; }
    /// <summary>The gateway's refund id (Stripe's <c>re_…</c>), once it gave one.</summary>
    public string? GatewayRefundId { get; private set; }
    /// <summary>Why the gateway failed it (Stripe's <c>failure_reason</c>).</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Whether it takes (or may still take) money from its tender: a failed refund gives nothing back.</summary>
    public bool Holds => Status != RefundStatus.Failed;

    internal void Record(RefundResult result)
    {
        if (Status != RefundStatus.Pending)
            throw new DomainException(DomainErrors.RefundSettled, $"Refund {Id} is already {Status.ToString().ToLowerInvariant()}.");
        Status = result.Status;
        GatewayRefundId = result.GatewayRefundId ?? GatewayRefundId;
        FailureReason = result.FailureReason is { Length: > MaxFailureReasonLength } reason ? reason[..MaxFailureReasonLength] : result.FailureReason;
    }
}

/// <summary>What the gateway said about a card refund; <see cref="RefundStatus.Pending"/> while it has not settled (or is unknown).</summary>
public sealed record RefundResult(RefundStatus Status, string? GatewayRefundId, string? FailureReason);
