using System.Diagnostics;
using FluentValidation;
using MediatR;
using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure.Telemetry;

/// <summary>
/// Times every use case in one place: a span named after the request (on SQLite, whose driver emits no spans, these
/// and the bill's pricing span are the database-side view of a request) and the restaurant.requests counter and
/// duration histogram, by request name and outcome. Never the request's contents.
/// </summary>
public sealed class TelemetryBehavior<TRequest, TResponse>(RestaurantTelemetry telemetry) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = telemetry.Source.StartActivity(RequestName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            telemetry.RequestHandled(RequestName, "handled", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            var outcome = OutcomeOf(exception);
            telemetry.RequestHandled(RequestName, outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            // The exception's type only: its message may quote the caller's input.
            activity?.SetStatus(outcome == "failed" ? ActivityStatusCode.Error : ActivityStatusCode.Unset);
            activity?.SetTag("restaurant.outcome", outcome);
            activity?.SetTag("error.type", exception.GetType().Name);
            throw;
        }
    }

    /// <summary>refused: the caller's request broke a rule (a 4xx); cancelled: the caller hung up; failed: anything else.</summary>
    private static string OutcomeOf(Exception exception) => exception switch
    {
        ValidationException or DomainException or ApiProblem => "refused",
        OperationCanceledException => "cancelled",
        _ => "failed",
    };
}
