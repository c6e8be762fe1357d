namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>The <c>Stripe</c> configuration section: the key that switches cards to Stripe, and how patiently to ask it.</summary>
public sealed record StripeOptions
{
    public required string SecretKey { get; init; }

    public string BaseUrl { get; init; } = "https://api.stripe.com";

    /// <summary>Per HTTP attempt; a charge may take up to (1 + <see cref="MaxRetries"/>) of these plus the backoff.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRetries { get; init; } = 2;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The <c>Stripe</c> section, or null when it has no secret key (cards then use the simulated gateway).</summary>
    public static StripeOptions? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Stripe");
        if (string.IsNullOrWhiteSpace(section["SecretKey"])) return null;

        var defaults = new StripeOptions { SecretKey = section["SecretKey"]! };
        var options = defaults with
        {
            BaseUrl = string.IsNullOrWhiteSpace(section["BaseUrl"]) ? defaults.BaseUrl : section["BaseUrl"]!,
            Timeout = section.GetValue("Timeout", defaults.Timeout),
            MaxRetries = section.GetValue("MaxRetries", defaults.MaxRetries),
            RetryBaseDelay = section.GetValue("RetryBaseDelay", defaults.RetryBaseDelay),
        };
        // Stripe.net refuses a key with whitespace when the gateway is made; refuse it at start instead, not per payment.
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _) || options.Timeout <= TimeSpan.Zero
            || options.MaxRetries < 0 || options.RetryBaseDelay < TimeSpan.Zero || options.SecretKey.Any(char.IsWhiteSpace))
            throw new InvalidOperationException("Stripe settings are invalid: SecretKey must have no whitespace, BaseUrl must be an absolute URL, Timeout positive, MaxRetries and RetryBaseDelay not negative.");
        return options;
    }
}
