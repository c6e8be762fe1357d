using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure;

/// <summary>The status each broken domain rule is answered with (the error table of docs/api.md).</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    /// <summary>503: the database is unavailable (or too contended); the answer carries Retry-After (<see cref="DatabaseOutage"/>).</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>For a JSON value the body cannot be read into: docs/api.md's Conventions in a sentence.</summary>
    public const string MalformedValue = "This value is malformed, of the wrong type (numbers are not quoted) or sent more than once.";

    /// <summary>For a body the server could not read to its end, so nothing in it was looked at.</summary>
    public const string UnreadableBody = "The request body could not be read: it was cut short or badly framed.";

    /// <summary>
    /// Every domain code a client can cause, with its answer: input the domain refused is a validation failure naming
    /// the request field to look at; the rest keep their own code. A code not listed here (an invariant of the server
    /// itself, such as unknown_tender) is a server bug: a logged 500, never a client error.
    /// </summary>
    private static readonly Dictionary<string, DomainProblem> ByDomainError = new()
    {
        [DomainErrors.InvalidAmount] = Invalid("body"),
        [DomainErrors.InvalidQuantity] = Invalid("add"),
        [DomainErrors.InvalidTable] = Invalid("table"),
        [DomainErrors.InvalidSeats] = Invalid("seats"),
        [DomainErrors.InvalidDiner] = Invalid("diner"),
        [DomainErrors.InvalidGuests] = Invalid("guests"),
        [DomainErrors.InvalidMenu] = Invalid("body"),
        // Names its own field when it has one (note, diner, cardToken): DomainException.Field.
        [DomainErrors.InvalidText] = Invalid("body"),
        [DomainErrors.InvalidLine] = Invalid("add"),
        [DomainErrors.OrderTooLarge] = Invalid("add"),
        [DomainErrors.InvalidPayment] = Invalid("payments"),
        [DomainErrors.InvalidReason] = Invalid("reason"),
        [DomainErrors.InvalidDiscount] = Invalid("value"),
        [DomainErrors.InvalidServiceCharge] = Invalid("rate"),
        [DomainErrors.InvalidRefund] = Invalid("amount"),
        // A discount that is not in force on the order is nothing at its address.
        [DomainErrors.UnknownDiscount] = Coded(StatusCodes.Status404NotFound, "not_found"),
        [DomainErrors.UnknownMenuItem] = Coded(StatusCodes.Status400BadRequest, DomainErrors.UnknownMenuItem),
        [DomainErrors.UnknownLine] = Coded(StatusCodes.Status400BadRequest, DomainErrors.UnknownLine),
        [DomainErrors.UnknownOption] = Coded(StatusCodes.Status400BadRequest, DomainErrors.UnknownOption),
        [DomainErrors.InvalidOptions] = Coded(StatusCodes.Status400BadRequest, DomainErrors.InvalidOptions),
        [DomainErrors.ItemUnavailable] = Coded(StatusCodes.Status409Conflict, DomainErrors.ItemUnavailable),
        [DomainErrors.LineSubmitted] = Coded(StatusCodes.Status409Conflict, DomainErrors.LineSubmitted),
        [DomainErrors.LineNotSent] = Coded(StatusCodes.Status409Conflict, DomainErrors.LineNotSent),
        [DomainErrors.InvalidStatusChange] = Coded(StatusCodes.Status409Conflict, DomainErrors.InvalidStatusChange),
        [DomainErrors.OrderBilled] = Coded(StatusCodes.Status409Conflict, DomainErrors.OrderBilled),
        [DomainErrors.OrderPaid] = Coded(StatusCodes.Status409Conflict, DomainErrors.OrderPaid),
        [DomainErrors.OrderCancelled] = Coded(StatusCodes.Status409Conflict, DomainErrors.OrderCancelled),
        [DomainErrors.OrderNotCancellable] = Coded(StatusCodes.Status409Conflict, DomainErrors.OrderNotCancellable),
        [DomainErrors.NotBilled] = Coded(StatusCodes.Status409Conflict, DomainErrors.NotBilled),
        [DomainErrors.PendingItems] = Coded(StatusCodes.Status409Conflict, DomainErrors.PendingItems),
        [DomainErrors.EmptyOrder] = Coded(StatusCodes.Status409Conflict, DomainErrors.EmptyOrder),
        [DomainErrors.TotalExceedsBalance] = Coded(StatusCodes.Status409Conflict, DomainErrors.TotalExceedsBalance),
        [DomainErrors.RefundExceedsPayment] = Coded(StatusCodes.Status409Conflict, DomainErrors.RefundExceedsPayment),
        [DomainErrors.TenderNotRefundable] = Coded(StatusCodes.Status409Conflict, DomainErrors.TenderNotRefundable),
    };

    /// <summary>How the API answers a domain refusal: a status, a problem code and, for refused input, the field.</summary>
    public sealed record DomainProblem(int Status, string Code, string? Field);

    /// <summary>The answer to a broken rule; null for a code no client can cause, which the API answers as a 500.</summary>
    public static DomainProblem? ForDomainError(string domainCode) => ByDomainError.GetValueOrDefault(domainCode);

    private static DomainProblem Invalid(string field) => new(StatusCodes.Status400BadRequest, ValidationFailed, field);

    private static DomainProblem Coded(int status, string code) => new(status, code, null);

    public static string? DetailFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => UnreadableBody,
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than 64 KiB.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null,
    };

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ValidationFailed,
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status408RequestTimeout => "request_timeout",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
