namespace Restaurant.Domain.Orders;

/// <summary>
/// One diner's way into an order: each phone that opens or joins the table gets a token of its own, so tokens can be
/// told apart (who added a line, which one to revoke). The token itself is shown once and only its hash is kept.
/// </summary>
public sealed class DinerToken
{
    private DinerToken() { }

    internal DinerToken(string id, string orderId, string tokenHash, string? diner, DateTimeOffset createdAt)
    {
        Id = id;
        OrderId = orderId;
        TokenHash = tokenHash;
        Diner = diner;
        CreatedAt = createdAt;
    }

    /// <summary>Names the token without being it: safe to log and to show.</summary>
    public string Id { get; private set; } = "";
    public string OrderId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    /// <summary>Who holds it, as they named themselves; the lines they add without a diner are theirs.</summary>
    public string? Diner { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
