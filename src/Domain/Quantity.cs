namespace Restaurant.Domain;

/// <summary>How many units of a menu item one line orders.</summary>
public readonly record struct Quantity
{
    public const int Max = 50;

    public Quantity(int value)
    {
        if (value is < 1 or > Max)
            throw new DomainException(DomainErrors.InvalidQuantity, $"A quantity is 1 to {Max}, not {value}.");
        Value = value;
    }

    public int Value { get; }
}
