namespace Restaurant.Api.Features.Orders;

/// <param name="Timeout">An order on which nothing was ever sent to the kitchen is cancelled once it has stood this long
/// without a change (Restaurant:AbandonedOrderTimeout).</param>
/// <param name="CheckInterval">How often the server looks for such orders (Restaurant:AbandonedOrderCheckInterval); an
/// abandoned order is cancelled at most this long after its timeout.</param>
public sealed record AbandonedOrderOptions(TimeSpan Timeout, TimeSpan CheckInterval)
{
    public static AbandonedOrderOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new AbandonedOrderOptions(
            configuration.GetValue("Restaurant:AbandonedOrderTimeout", TimeSpan.FromHours(2)),
            configuration.GetValue("Restaurant:AbandonedOrderCheckInterval", TimeSpan.FromMinutes(1)));
        if (options.Timeout <= TimeSpan.Zero || options.CheckInterval <= TimeSpan.Zero)
            throw new InvalidOperationException(
                $"Restaurant:AbandonedOrderTimeout ({options.Timeout}) and Restaurant:AbandonedOrderCheckInterval ({options.CheckInterval}) must be positive.");
        return options;
    }
}
