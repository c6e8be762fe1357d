using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 problems with the codes of docs/api.md.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            DomainException domain => DomainProblem(domain),
            ApiProblem api => Problem((api.Status, api.Code), api.Message, api.Extensions),
            BadHttpRequestException { InnerException: JsonException json } => MalformedJsonProblem(json),
            // The server's own refusals while the body is read (a subclass: cut short, badly framed) are not binding.
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } badRequest when badRequest.GetType() != typeof(BadHttpRequestException) =>
                UnreadableBodyProblem(),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => BindingProblem(httpContext),
            BadHttpRequestException badRequest => Problem((badRequest.StatusCode, ProblemCodes.ForStatus(badRequest.StatusCode)),
                ProblemCodes.DetailFor(badRequest.StatusCode) ?? badRequest.Message),
            _ when DatabaseOutage.Covers(exception) => OutageProblem(httpContext, exception),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem((StatusCodes.Status500InternalServerError, "internal_error"), "The server failed; nothing was changed by this request.");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem((int Status, string Code) kind, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = kind.Status,
            Title = Titles.Of(kind.Code),
            Detail = detail,
            Extensions = { ["code"] = kind.Code },
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return problem;
    }

    // The database is down, locked or full (or other writers kept winning): a 503 the client can wait out, logged once
    // per outage by DatabaseOutage rather than as a failure per request.
    private static ProblemDetails OutageProblem(HttpContext http, Exception exception)
    {
        var (detail, extensions) = http.RequestServices.GetRequiredService<DatabaseOutage>().Refuse(http, exception);
        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem((StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServiceUnavailable), detail, extensions);
    }

    /// <summary>Null for a code no client can cause (an invariant of the server): that is a 500, logged like any other failure.</summary>
    private static ProblemDetails? DomainProblem(DomainException exception)
    {
        if (ProblemCodes.ForDomainError(exception.Code) is not { } answer) return null;
        var (status, code, field) = answer;
        var problem = Problem((status, code), exception.Message,
            exception.Facts.ToDictionary(fact => fact.Key, fact => (object?)(fact.Value is Money money ? money.ToMajor() : fact.Value)));
        // A rule that checks a whole input lists every broken part; one that refuses a single input names it (the
        // exception's field, such as note, or else the request field the code is about).
        field = exception.Field ?? field;
        if (exception.Problems.Count > 0)
            problem.Extensions["errors"] = exception.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        else if (field is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [exception.Message] };
        return problem;
    }

    private static ProblemDetails ValidationProblem(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        var problem = Problem((StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed), "The request has invalid fields; see errors.");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    // The serializer's message names internal types; the JSON path is what the client can act on.
    private static ProblemDetails MalformedJsonProblem(JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        var problem = Problem((StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed), "The body is not valid JSON for this request.");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [path] = [ProblemCodes.MalformedValue] };
        return problem;
    }

    private static ProblemDetails UnreadableBodyProblem()
    {
        var problem = Problem((StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed), ProblemCodes.UnreadableBody);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [ProblemCodes.UnreadableBody] };
        return problem;
    }

    // A missing body or an unreadable query value: still a validation failure, so it names the field in errors. The
    // field comes from the endpoint's parameters (BindingFailures), not from the framework's message, which is written
    // for the server's developer ("Did you mean to use a Service instead?"), not the client.
    private static ProblemDetails BindingProblem(HttpContext http)
    {
        var (field, detail, error) = BindingFailures.Describe(http);
        var problem = Problem((StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed), detail);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [error] };
        return problem;
    }

    /// <summary>"Add[0].MenuItemId" → "add[0].menuItemId": the names the client sent.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static class Titles
    {
        public static string Of(string code) => code.Length == 0 ? "Error" : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');
    }
}
