using Microsoft.Extensions.Configuration;
using Restaurant.Api.Features.Payments.Gateways;

namespace Restaurant.Api.Tests.Payments;

/// <summary>The <c>Stripe</c> configuration section: what switches cards to Stripe, and what is refused at start.</summary>
public sealed class StripeOptionsTests
{
    [Fact]
    public void Options_come_from_the_stripe_section_and_are_absent_without_a_secret_key()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_1",
            ["Stripe:BaseUrl"] = "http://127.0.0.1:12111",
            ["Stripe:Timeout"] = "00:00:03",
            ["Stripe:MaxRetries"] = "4",
        }).Build();

        Assert.Equal(
            new StripeOptions { SecretKey = "sk_test_1", BaseUrl = "http://127.0.0.1:12111", Timeout = TimeSpan.FromSeconds(3), MaxRetries = 4 },
            StripeOptions.FromConfiguration(configured));
        Assert.Null(StripeOptions.FromConfiguration(new ConfigurationBuilder().Build()));
    }

    /// <summary>Stripe.net refuses such a key when a gateway is made, which is per payment call and per reconciler pass.</summary>
    [Fact]
    public void A_secret_key_with_whitespace_is_refused_at_start()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_1 \n",
        }).Build();

        Assert.Throws<InvalidOperationException>(() => StripeOptions.FromConfiguration(configured));
    }
}
