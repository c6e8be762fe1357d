using System.Diagnostics;
using FluentValidation;
using MediatR;

namespace Restaurant.Api.Infrastructure;

public static class Mediation
{
    /// <summary>
    /// MediatR 5 by hand: the mediator, its service factory, its behaviors (logging, then validation, then the command's
    /// transaction) and every handler of this assembly; its validators by FluentValidation; the sender endpoints use.
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Telemetry.TelemetryBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CommandTransactionBehavior<,>));
        services.AddScoped<CommandSender>();

        var handlerTypes = typeof(Mediation).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: type)));
        foreach (var (service, implementation) in handlerTypes) services.AddScoped(service, implementation);

        // Validators are stateless, and building one compiles its rules' expressions: build each once.
        services.AddValidatorsFromAssembly(typeof(Mediation).Assembly, ServiceLifetime.Singleton);
        return services;
    }
}

/// <summary>Logs which request ran, how long it took and how it ended; never the request's contents.</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            logger.LogInformation("{Request} refused after {ElapsedMs:0.0} ms: {Reason}", name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }
}

/// <summary>Runs every FluentValidation validator of the request before its handler; all failures are reported at once.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}
