using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

/// <param name="ReconcileInterval">How often tenders left pending are asked about again (and how old they must be).</param>
/// <param name="SimulatedLatency">How long the simulated gateway takes to answer, so that latency can be measured.</param>
/// <param name="MaxTipRatio">A card's tip is at most this many times the tender's amount.</param>
public sealed record PaymentOptions(TimeSpan ReconcileInterval, TimeSpan SimulatedLatency, decimal MaxTipRatio);

public static class PaymentsSetup
{
    /// <summary>Stripe when <c>Stripe:SecretKey</c> is set, else the simulated gateway; and the reconciler.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PaymentOptions(
            configuration.GetValue("Payments:ReconcileInterval", TimeSpan.FromSeconds(30)),
            configuration.GetValue("Payments:SimulatedLatency", TimeSpan.Zero),
            configuration.GetValue("Payments:MaxTipRatio", Tender.DefaultMaxTipRatio));
        if (options.MaxTipRatio < 0)
            throw new InvalidOperationException($"Payments:MaxTipRatio is {options.MaxTipRatio}; a tip cap cannot be negative.");
        services.AddSingleton(options);
        var stripe = StripeOptions.FromConfiguration(configuration);
        if (stripe is null)
        {
            services.AddSingleton<ICardGateway>(new SimulatedCardGateway(options.SimulatedLatency));
        }
        else
        {
            services.AddSingleton(stripe);
            // StripeCardGateway times each attempt itself, and retries within one overall call. A typed client is
            // transient: each payment call and each reconciler pass takes a fresh HttpClient over a pooled handler.
            services.AddHttpClient<ICardGateway, StripeCardGateway>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        }
        services.AddHostedService<PaymentReconciler>();
        services.AddHostedService<RefundReconciler>();
        return services;
    }
}
