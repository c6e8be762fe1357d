namespace Restaurant.Domain;

/// <summary>A rule of the restaurant was broken; <see cref="Code"/> is one of <see cref="DomainErrors"/>.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
    /// <summary>What the caller needs to act on the refusal (e.g. the current balance), by name.</summary>
    public IReadOnlyDictionary<string, object> Facts { get; init; } = new Dictionary<string, object>();
    /// <summary>
    /// For a rule that checks a whole input at once (a menu): every broken part, by the path of the field it concerns;
    /// the message names them too.
    /// </summary>
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];
    /// <summary>The input the rule refused, when one field is to blame (such as <c>note</c>): the API names it.</summary>
    public string? Field { get; init; }
}

/// <summary>The stable names of broken rules; the API publishes them as problem codes.</summary>
public static class DomainErrors
{
    public const string InvalidAmount = "invalid_amount";
    public const string InvalidQuantity = "invalid_quantity";
    public const string InvalidTable = "invalid_table";
    public const string InvalidSeats = "invalid_seats";
    public const string InvalidDiner = "invalid_diner";
    public const string InvalidMenu = "invalid_menu";
    public const string InvalidText = "invalid_text";
    public const string OrderTooLarge = "order_too_large";
    public const string InvalidGuests = "invalid_guests";
    public const string InvalidLine = "invalid_line";
    public const string UnknownMenuItem = "unknown_menu_item";
    public const string ItemUnavailable = "item_unavailable";
    public const string UnknownOption = "unknown_option";
    public const string InvalidOptions = "invalid_options";
    public const string UnknownLine = "unknown_line";
    public const string LineSubmitted = "line_submitted";
    public const string LineNotSent = "line_not_sent";
    public const string InvalidStatusChange = "invalid_status_change";
    public const string InvalidReason = "invalid_reason";
    /// <summary>Internal: the API finds a ticket by its kitchen sequence before it asks the order about it.</summary>
    public const string UnknownTicket = "unknown_ticket";
    public const string OrderBilled = "order_billed";
    public const string OrderPaid = "order_paid";
    public const string OrderCancelled = "order_cancelled";
    public const string OrderNotCancellable = "order_not_cancellable";
    public const string NotBilled = "not_billed";
    public const string PendingItems = "pending_items";
    public const string EmptyOrder = "empty_order";
    public const string InvalidPayment = "invalid_payment";
    public const string TotalExceedsBalance = "total_exceeds_balance";
    public const string UnknownTender = "unknown_tender";
    public const string TenderSettled = "tender_settled";
    public const string InvalidDiscount = "invalid_discount";
    public const string UnknownDiscount = "unknown_discount";
    public const string InvalidServiceCharge = "invalid_service_charge";
    public const string InvalidRefund = "invalid_refund";
    public const string RefundExceedsPayment = "refund_exceeds_payment";
    public const string TenderNotRefundable = "tender_not_refundable";
    /// <summary>Internal: a refund's outcome is recorded once.</summary>
    public const string RefundSettled = "refund_settled";
    /// <summary>Internal: the API records outcomes of refunds it wrote.</summary>
    public const string UnknownRefund = "unknown_refund";
    /// <summary>Internal: a bill priced from an older version of the order; the API prices it again, never shows it.</summary>
    public const string BillOutdated = "bill_outdated";
}
