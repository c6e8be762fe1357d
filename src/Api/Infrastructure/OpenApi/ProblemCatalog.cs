using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>A stable problem <c>code</c>, the status it is sent with, and what it tells the client.</summary>
public sealed record ProblemCode(string Code, int Status, string Meaning);

/// <summary>
/// Every problem code the API sends, for the document (each operation lists the codes it can answer) and for
/// docs/api.md's table. Statuses of broken domain rules come from <see cref="ProblemCodes"/>, where the server takes them.
/// </summary>
public static class ProblemCatalog
{
    public static readonly ProblemCode ValidationFailed = new(ProblemCodes.ValidationFailed, StatusCodes.Status400BadRequest,
        "A field, parameter, header or the body is missing, malformed or out of range; `errors` names each one.");
    public static readonly ProblemCode UnknownMenuItem = Domain(DomainErrors.UnknownMenuItem, "The menu in effect has no item with that id.");
    public static readonly ProblemCode UnknownLine = Domain(DomainErrors.UnknownLine,
        "A line named (to remove, void, comp or move) is not in this order, or not on that ticket.");
    public static readonly ProblemCode UnknownOption = Domain(DomainErrors.UnknownOption, "The item has no option with that id.");
    public static readonly ProblemCode InvalidOptions = Domain(DomainErrors.InvalidOptions,
        "Too few or too many options of a group (or one twice); the problem's `group` names the group.");
    public static readonly ProblemCode RawCardData = new("raw_card_data", StatusCodes.Status400BadRequest,
        "The body carries card data (a number, a verification code, an expiry date); send the card's gateway token instead.");
    public static readonly ProblemCode Unauthorized = new("unauthorized", StatusCodes.Status401Unauthorized,
        "No valid `Authorization: Bearer` token: none was sent, or it is neither an order's access token nor a staff key.");
    public static readonly ProblemCode Forbidden = new("forbidden", StatusCodes.Status403Forbidden,
        "The token is valid but may not do this: another order's token, a diner's token on a staff call, or a diner paying cash.");
    public static readonly ProblemCode InvalidTableCode = new("invalid_table_code", StatusCodes.Status403Forbidden,
        "`code` is not the table's current code (none was sent, it is wrong, or staff gave the table a new one): scan the table's code again.");
    public static readonly ProblemCode NotFound = new("not_found", StatusCodes.Status404NotFound,
        "Nothing is at this address (or there is no menu of that version).");
    public static readonly ProblemCode OrderNotFound = new("order_not_found", StatusCodes.Status404NotFound, "There is no order with this id.");
    public static readonly ProblemCode TableNotFound = new("table_not_found", StatusCodes.Status404NotFound, "There is no table with this id on the floor.");
    public static readonly ProblemCode MethodNotAllowed = new("method_not_allowed", StatusCodes.Status405MethodNotAllowed,
        "The address exists but does not take this method; `Allow` lists those it takes.");
    public static readonly ProblemCode TableBusy = new("table_busy", StatusCodes.Status409Conflict,
        "The table has an order that is neither paid nor cancelled; the problem carries its `orderId`.");
    public static readonly ProblemCode OrderBilled = Domain(DomainErrors.OrderBilled, "The order is billed: its lines can no longer change.");
    public static readonly ProblemCode OrderPaid = Domain(DomainErrors.OrderPaid, "The order is paid.");
    public static readonly ProblemCode OrderCancelled = Domain(DomainErrors.OrderCancelled, "The order is cancelled: it takes no change.");
    public static readonly ProblemCode OrderNotCancellable = Domain(DomainErrors.OrderNotCancellable,
        "Lines of the order are with the kitchen (sent and not voided), or it took payments: it cannot be cancelled.");
    public static readonly ProblemCode LineSubmitted = Domain(DomainErrors.LineSubmitted, "A line to remove was already sent to the kitchen.");
    public static readonly ProblemCode ItemUnavailable = Domain(DomainErrors.ItemUnavailable, "The item, or an option chosen, is off the menu for now (\"86'd\").");
    public static readonly ProblemCode LineNotSent = Domain(DomainErrors.LineNotSent, "A line to void was never sent to the kitchen: remove it instead.");
    public static readonly ProblemCode InvalidStatusChange = Domain(DomainErrors.InvalidStatusChange,
        "The line cannot make that move: a line only moves forward, a voided line never moves, and a comped line is not comped again.");
    public static readonly ProblemCode PendingItems = Domain(DomainErrors.PendingItems,
        "Lines are still pending or held: submit (or fire) or remove them before the bill.");
    public static readonly ProblemCode EmptyOrder = Domain(DomainErrors.EmptyOrder, "Nothing was ordered (or every line was voided), so there is nothing to bill.");
    public static readonly ProblemCode NotBilled = Domain(DomainErrors.NotBilled, "The order has no bill yet: ask for the bill first.");
    public static readonly ProblemCode TotalExceedsBalance = Domain(DomainErrors.TotalExceedsBalance,
        "`total` is more than is left to pay: the balance less what cards still being confirmed hold back (another payment " +
        "got in first); the problem carries `balance` and `pending`.");
    public static readonly ProblemCode RefundExceedsPayment = Domain(DomainErrors.RefundExceedsPayment,
        "The tender's refunds (succeeded and pending) would add up to more than it took (its amount plus its tip); the problem " +
        "carries what is still `refundable`.");
    public static readonly ProblemCode TenderNotRefundable = Domain(DomainErrors.TenderNotRefundable,
        "The order has no such tender, or it took no money (declined, or still pending): only a succeeded tender can be refunded.");
    public static readonly ProblemCode IdempotencyKeyInUse = new("idempotency_key_in_use", StatusCodes.Status409Conflict,
        "The first request with this `Idempotency-Key` is still running; retry shortly.");
    public static readonly ProblemCode PayloadTooLarge = new("payload_too_large", StatusCodes.Status413PayloadTooLarge, "The body is larger than 64 KiB.");
    public static readonly ProblemCode UnsupportedMediaType = new("unsupported_media_type", StatusCodes.Status415UnsupportedMediaType,
        "The body is not sent as `application/json`.");
    public static readonly ProblemCode IdempotencyKeyReused = new("idempotency_key_reused", StatusCodes.Status422UnprocessableEntity,
        "This `Idempotency-Key` was used for a different request (another body or address); use a new key for new work.");
    public static readonly ProblemCode InternalError = new("internal_error", StatusCodes.Status500InternalServerError,
        "The server failed; nothing was changed by this request, which may be repeated.");
    public static readonly ProblemCode RequestTimeout = new("request_timeout", StatusCodes.Status408RequestTimeout,
        "The body arrived too slowly; nothing was done. Send it again.");
    public static readonly ProblemCode ServiceUnavailable = new("service_unavailable", StatusCodes.Status503ServiceUnavailable,
        "The database is briefly unavailable (down, restarting, out of connections or disk, or locked past the lock timeout). " +
        "Retry after `Retry-After` seconds; `outcome` says whether this request may have changed anything (`not_applied`, or " +
        "`unknown`: repeat it only with the same `Idempotency-Key`, or read first).");

    public static IReadOnlyList<ProblemCode> All { get; } =
    [
        ValidationFailed, UnknownMenuItem, UnknownLine, UnknownOption, InvalidOptions, RawCardData, Unauthorized, Forbidden,
        InvalidTableCode, NotFound, OrderNotFound, TableNotFound, MethodNotAllowed, TableBusy, OrderBilled, OrderPaid, OrderCancelled,
        OrderNotCancellable, LineSubmitted, LineNotSent, ItemUnavailable, InvalidStatusChange, PendingItems, EmptyOrder, NotBilled,
        TotalExceedsBalance, RefundExceedsPayment, TenderNotRefundable, IdempotencyKeyInUse, PayloadTooLarge, UnsupportedMediaType, IdempotencyKeyReused, RequestTimeout,
        InternalError, ServiceUnavailable,
    ];

    private static ProblemCode Domain(string code, string meaning) => new(code,
        (ProblemCodes.ForDomainError(code) ?? throw new InvalidOperationException($"{code} has no answer in ProblemCodes.")).Status, meaning);
}
