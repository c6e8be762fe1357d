using System.Text.Json;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Payments;

/// <summary>
/// Refuses a payment body that carries card data (a number, a verification code, an expiry date) before anything
/// binds, hashes, stores or logs it: this API takes only gateway tokens, which keeps it out of PCI DSS's heavy scope.
/// </summary>
public sealed class RawCardDataGuard(RequestDelegate next)
{
    private static readonly HashSet<string> CardFields =
        ["cardnumber", "cvv", "cvv2", "cvc", "cvc2", "securitycode", "expirationdate", "expirydate", "expiry", "expdate", "expmonth", "expyear"];

    /// <summary>Large enough that a body the server accepts is buffered in memory, never in a temporary file.</summary>
    private const int InMemoryBufferBytes = 64 * 1024 + 1;

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/payments"))
        {
            context.Request.EnableBuffering(InMemoryBufferBytes);
            var carriesCardData = await CarriesCardDataAsync(context.Request.Body, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (carriesCardData)
                throw new ApiProblem(StatusCodes.Status400BadRequest, "raw_card_data",
                    "Card numbers, verification codes and expiry dates are never accepted; send the card's gateway token (cardToken).");
        }
        await next(context);
    }

    private static async Task<bool> CarriesCardDataAsync(Stream body, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return CarriesCardData(document.RootElement);
        }
        catch (JsonException)
        {
            return false; // not JSON: model binding refuses it, naming where
        }
        catch (InvalidOperationException)
        {
            // A string with a lone surrogate cannot be read, so whatever else the body holds cannot be checked either.
            throw new ApiProblem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The body holds text that is not valid Unicode.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = ["A string is not valid Unicode (a lone surrogate)."] } });
        }
    }

    private static bool CarriesCardData(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => CardFields.Contains(Normalise(p.Name)) || CarriesCardData(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(CarriesCardData),
        JsonValueKind.String => LooksLikeCardNumber(element.GetString()!),
        // 4242424242424242, 4242424242424242.0 and 4.242424242424242e15 are all the same card number.
        JsonValueKind.Number => element.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number > 0 &&
                                LooksLikeCardNumber(number.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
        _ => false,
    };

    private static string Normalise(string name) => new(name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>13 to 19 digits (spaces and dashes allowed) that pass the Luhn check, wherever they are sent.</summary>
    private static bool LooksLikeCardNumber(string value)
    {
        if (value.Length > 40 || value.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))) return false;
        var digits = value.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
