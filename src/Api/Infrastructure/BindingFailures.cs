using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Which input of a request its endpoint could not bind, read from the endpoint's parameter metadata rather than from
/// the framework's message: the first route or query value that is missing or does not parse as its parameter's type;
/// failing that, the body (absent, or JSON null where an object is needed).
/// </summary>
public static class BindingFailures
{
    public const string Body = "body";

    /// <summary>The field that did not bind, the problem's detail and the error named for that field.</summary>
    public static (string Field, string Detail, string Error) Describe(HttpContext http)
    {
        var field = FieldOf(http);
        return field == Body
            ? (field, "The request needs a JSON body.", "A JSON body is required.")
            : (field, "A parameter of the request is missing or malformed; see errors.", "This value is missing, malformed or of the wrong type.");
    }

    /// <summary>
    /// Whether the request names a value-typed query parameter of its endpoint with nothing after the '=' (?after=).
    /// The generated binder reads that as absent; the API refuses it like any other value that does not parse.
    /// </summary>
    public static bool HasEmptyValue(HttpContext http)
    {
        foreach (var parameter in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (parameter.HasTryParse && parameter.ParameterInfo.ParameterType != typeof(string) &&
                http.Request.Query.TryGetValue(parameter.Name, out var value) && string.IsNullOrEmpty(value)) return true;
        }
        return false;
    }

    public static string FieldOf(HttpContext http)
    {
        // The exception handler runs with the endpoint and route values cleared; the feature keeps the failed request's.
        var failed = http.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? http.GetEndpoint();
        var routeValues = failed?.RouteValues ?? http.Request.RouteValues;
        foreach (var parameter in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (!parameter.HasTryParse) continue;
            var raw = routeValues.TryGetValue(parameter.Name, out var routeValue) ? routeValue?.ToString()
                : http.Request.Query.TryGetValue(parameter.Name, out var queryValue) ? queryValue.ToString()
                : null;
            if (raw is null ? !parameter.IsOptional : !Parses(parameter.ParameterInfo.ParameterType, raw)) return parameter.Name;
        }
        return Body;
    }

    /// <summary>Whether <paramref name="raw"/> parses as <paramref name="type"/> the way the binder reads it (invariant culture).</summary>
    private static bool Parses(Type type, string raw)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return true;
        var tryParse = target.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), target.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
    }
}
