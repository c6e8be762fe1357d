namespace Restaurant.Domain.Orders;

/// <summary>The diners who hold a way into the order: whoever opened it, and everyone who joined the table since.</summary>
public sealed partial class Order
{
    /// <summary>
    /// Lets one more diner in (the first one, or a phone that joins the table): returns their token, which belongs to
    /// the order from now on. An order that is billed can still be joined, so a diner can pay their share.
    /// </summary>
    public DinerToken Admit(string tokenHash, string? diner, DateTimeOffset now)
    {
        EnsureAllowed(OrderAction.Join);
        if (diner?.Length > MaxDinerLength)
            throw new DomainException(DomainErrors.InvalidDiner, $"A diner's name is at most {MaxDinerLength} characters.") { Field = "diner" };
        TextRules.Ensure(diner, "diner");
        Apply(OrderAction.Join, now);
        return new DinerToken(NewId(), Id, tokenHash, diner, now);
    }
}
