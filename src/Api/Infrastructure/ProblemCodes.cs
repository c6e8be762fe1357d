using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure;

/// <summary>The status each broken domain rule is answered with (the error table of API.md).</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";

    /// <summary>For a JSON value the body cannot be read into: API.md's Conventions in a sentence.</summary>
    public const string MalformedValue = "This value is malformed, of the wrong type (numbers are not quoted) or sent more than once.";

    /// <summary>For a body the server could not read to its end, so nothing in it was looked at.</summary>
    public const string UnreadableBody = "The request body could not be read: it was cut short or badly framed.";

    private static readonly Dictionary<string, int> StatusByDomainError = new()
    {
        [DomainErrors.UnknownMenuItem] = StatusCodes.Status400BadRequest,
        [DomainErrors.UnknownLine] = StatusCodes.Status400BadRequest,
        [DomainErrors.ItemUnavailable] = StatusCodes.Status409Conflict,
        [DomainErrors.LineSubmitted] = StatusCodes.Status409Conflict,
        [DomainErrors.OrderBilled] = StatusCodes.Status409Conflict,
        [DomainErrors.OrderPaid] = StatusCodes.Status409Conflict,
        [DomainErrors.OrderCancelled] = StatusCodes.Status409Conflict,
        [DomainErrors.OrderNotCancellable] = StatusCodes.Status409Conflict,
        [DomainErrors.NotBilled] = StatusCodes.Status409Conflict,
        [DomainErrors.PendingItems] = StatusCodes.Status409Conflict,
        [DomainErrors.EmptyOrder] = StatusCodes.Status409Conflict,
        [DomainErrors.TotalExceedsBalance] = StatusCodes.Status409Conflict,
    };

    // For rules that are input checks, the request field the client should look at.
    private static readonly Dictionary<string, string> FieldByDomainError = new()
    {
        [DomainErrors.OrderTooLarge] = "add",
        [DomainErrors.InvalidQuantity] = "add",
        [DomainErrors.InvalidTable] = "table",
        [DomainErrors.InvalidSeats] = "seats",
        [DomainErrors.InvalidDiner] = "diner",
        [DomainErrors.InvalidGuests] = "guests",
        [DomainErrors.InvalidLine] = "add",
        [DomainErrors.InvalidPayment] = "payments",
    };

    /// <summary>Rules not in the table are input checks: a validation failure naming the field (or the body).</summary>
    public static (int Status, string Code, string? Field) ForDomainError(string domainCode) =>
        StatusByDomainError.TryGetValue(domainCode, out var status)
            ? (status, domainCode, null)
            : (StatusCodes.Status400BadRequest, ValidationFailed, FieldByDomainError.GetValueOrDefault(domainCode, "body"));

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
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
