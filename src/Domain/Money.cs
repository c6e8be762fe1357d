namespace Restaurant.Domain;

/// <summary>An amount in the menu currency's minor units (cents); never negative, never binary floating point.</summary>
public readonly record struct Money : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public Money(long minor)
    {
        if (minor < 0) throw new DomainException(DomainErrors.InvalidAmount, $"An amount cannot be negative ({minor} minor units).");
        Minor = minor;
    }

    public long Minor { get; }

    /// <summary>The largest major-unit amount <see cref="FromMajor"/> accepts.</summary>
    private const decimal MaxMajor = long.MaxValue / 1000 / 100m;

    /// <summary>Whether <see cref="FromMajor"/> accepts <paramref name="amount"/>: not negative, at most two decimals, in range.</summary>
    public static bool IsMajorAmount(decimal amount) => amount is >= 0m and <= MaxMajor && decimal.Round(amount, 2) == amount;

    /// <summary>Accepts a major-unit amount with at most two decimals, as the API speaks it.</summary>
    public static Money FromMajor(decimal amount)
    {
        var minor = amount * 100m;
        if (minor != decimal.Truncate(minor))
            throw new DomainException(DomainErrors.InvalidAmount, $"{amount} has more than two decimals.");
        if (minor > long.MaxValue / 1000) throw new DomainException(DomainErrors.InvalidAmount, $"{amount} is too large.");
        return new Money((long)minor);
    }

    public decimal ToMajor() => Minor / 100m;

    public static Money operator +(Money a, Money b) => new(a.Minor + b.Minor);
    public static Money operator -(Money a, Money b) => new(a.Minor - b.Minor);
    public static Money operator *(Money a, int times) => new(a.Minor * times);
    public static bool operator <(Money a, Money b) => a.Minor < b.Minor;
    public static bool operator >(Money a, Money b) => a.Minor > b.Minor;
    public static bool operator <=(Money a, Money b) => a.Minor <= b.Minor;
    public static bool operator >=(Money a, Money b) => a.Minor >= b.Minor;

    public int CompareTo(Money other) => Minor.CompareTo(other.Minor);
    public override string ToString() => ToMajor().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
