namespace Restaurant.Api.Features.Receipts;

/// <param name="RestaurantName">The name printed at the top of every receipt (Restaurant:Name).</param>
public sealed record ReceiptOptions(string RestaurantName)
{
    public const string DefaultName = "Restaurant";
    public const int MaxNameLength = 100;

    public static ReceiptOptions FromConfiguration(IConfiguration configuration)
    {
        var name = configuration["Restaurant:Name"];
        if (string.IsNullOrWhiteSpace(name)) return new ReceiptOptions(DefaultName);
        if (name.Length > MaxNameLength || !Domain.TextRules.IsClean(name))
            throw new InvalidOperationException($"Restaurant:Name is 1 to {MaxNameLength} characters without control or bidirectional characters.");
        return new ReceiptOptions(name.Trim());
    }
}
