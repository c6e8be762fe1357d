namespace Restaurant.Domain.Orders;

public enum TenderMethod
{
    Card,
    Cash,
}

public enum TenderStatus
{
    /// <summary>Sent to the card gateway (or about to be) and its outcome not yet known.</summary>
    Pending,
    Succeeded,
    Declined,
}

/// <summary>One way of paying part of an order in one payment call: a card (plus an optional tip) or cash.</summary>
public sealed class Tender
{
    public const int MaxCardTokenLength = 255;
    /// <summary>"restaurant-tender-" and the tender's id, with room to spare.</summary>
    public const int MaxGatewayKeyLength = 64;
    /// <summary>What is kept of the gateway's answer: its decline code, its message (cut to length) and its payment id.</summary>
    public const int MaxDeclineCodeLength = 64;
    public const int MaxMessageLength = 500;
    public const int MaxPaymentIdLength = 255;
    /// <summary>What is kept of the charged card for the receipt: its brand (visa…) and its last four digits.</summary>
    public const int MaxCardBrandLength = 32;
    public const int CardLast4Length = 4;
    /// <summary>A tip is at most the tender's own amount unless configured otherwise (Payments:MaxTipRatio).</summary>
    public const decimal DefaultMaxTipRatio = 1m;

    /// <summary>Whether <paramref name="tip"/> is at most <paramref name="maxTipRatio"/> times <paramref name="amount"/>.</summary>
    public static bool IsTipAllowed(Money amount, Money tip, decimal maxTipRatio) => tip.Minor <= amount.Minor * maxTipRatio;

    public static string TipRefusal(decimal maxTipRatio) =>
        $"A tip is at most {maxTipRatio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} times the tender's amount.";

    private Tender() { }

    internal Tender(string id, string attemptId, int index, NewTender tender, string currency, DateTimeOffset now)
    {
        Id = id;
        AttemptId = attemptId;
        Index = index;
        Method = tender.Method;
        Amount = tender.Amount;
        Tip = tender.Tip;
        Currency = currency;
        CardToken = tender.CardToken;
        Diner = tender.Diner;
        CreatedAt = now;
        if (Method == TenderMethod.Cash)
        {
            // Cash is in the waiter's hand when the call is made.
            Status = TenderStatus.Succeeded;
            PaymentId = id;
        }
        else
        {
            Status = TenderStatus.Pending;
            // Derived from the tender, never random: asking the gateway again after a crash must find the first charge.
            GatewayKey = "restaurant-tender-" + id;
        }
    }

    public string Id { get; private set; } = "";
    /// <summary>The payment call this tender came in; its tenders share it.</summary>
    public string AttemptId { get; private set; } = "";
    /// <summary>Position in that call's list of tenders, from 0.</summary>
    public int Index { get; private set; }
    public TenderMethod Method { get; private set; }
    /// <summary>What counts against the balance.</summary>
    public Money Amount { get; private set; }
    /// <summary>Charged on top of <see cref="Amount"/>; cards only.</summary>
    public Money Tip { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>The gateway's token for the card (a Stripe PaymentMethod id), never card data itself.</summary>
    public string? CardToken { get; private set; }
    public string? GatewayKey { get; private set; }
    public TenderStatus Status { get; private set; }
    public string? DeclineCode { get; private set; }
    public string? Message { get; private set; }
    public string? PaymentId { get; private set; }
    /// <summary>Whose share this tender pays (the bill's shares show it), if the payer said.</summary>
    public string? Diner { get; private set; }
    /// <summary>The charged card's brand, when the gateway told it (for the receipt).</summary>
    public string? CardBrand { get; private set; }
    /// <summary>The charged card's last four digits, when the gateway told them; not card data under PCI DSS.</summary>
    public string? CardLast4 { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What the card takes: the amount and the tip.</summary>
    public Money Charge => Amount + Tip;

    internal void Record(TenderResult result)
    {
        if (Status != TenderStatus.Pending)
            throw new DomainException(DomainErrors.TenderSettled, $"Tender {Id} is already {Status.ToString().ToLowerInvariant()}.");
        Status = result.Status;
        PaymentId = result.PaymentId ?? PaymentId;
        DeclineCode = result.DeclineCode;
        Message = result.Message;
        if (result.Status == TenderStatus.Succeeded)
        {
            CardBrand = result.CardBrand is { Length: > 0 and <= MaxCardBrandLength } brand && TextRules.IsClean(brand) ? brand : null;
            CardLast4 = result.CardLast4 is { Length: CardLast4Length } last4 && last4.All(char.IsAsciiDigit) ? last4 : null;
        }
    }
}

/// <summary>A tender as the caller asks for it, before it belongs to an order.</summary>
public sealed record NewTender(TenderMethod Method, Money Amount, Money Tip, string? CardToken, string? Diner = null);

/// <summary>What the gateway answered for a card; <see cref="TenderStatus.Pending"/> when it is still unknown.</summary>
public sealed record TenderResult(TenderStatus Status, string? PaymentId, string? DeclineCode, string? Message,
    string? CardBrand = null, string? CardLast4 = null);
