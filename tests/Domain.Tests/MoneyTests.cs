namespace Restaurant.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData(-1L)]
    [InlineData(-100L)]
    [InlineData(long.MinValue)]
    public void Negative_minor_amounts_are_refused(long minor)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(minor));
        Assert.Equal(DomainErrors.InvalidAmount, ex.Code);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_000_000L)]
    public void Zero_and_positive_minor_amounts_are_kept(long minor) =>
        Assert.Equal(minor, new Money(minor).Minor);

    [Fact]
    public void Default_and_Zero_are_zero()
    {
        Assert.Equal(0, Money.Zero.Minor);
        Assert.Equal(Money.Zero, default(Money));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("8", 800L)]
    [InlineData("8.5", 850L)]
    [InlineData("8.50", 850L)]
    [InlineData("0.01", 1L)]
    [InlineData("15.0", 1500L)]
    [InlineData("12.340", 1234L)]
    public void FromMajor_converts_to_cents(string major, long minor) =>
        Assert.Equal(minor, Money.FromMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture)).Minor);

    [Theory]
    [InlineData("0.001")]
    [InlineData("8.505")]
    [InlineData("1.999")]
    [InlineData("-1.005")]
    public void FromMajor_refuses_more_than_two_decimals(string major)
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DomainErrors.InvalidAmount, ex.Code);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-8")]
    public void FromMajor_refuses_negative_amounts(string major)
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DomainErrors.InvalidAmount, ex.Code);
    }

    [Fact]
    public void FromMajor_refuses_absurdly_large_amounts()
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromMajor(1_000_000_000_000_000m));
        Assert.Equal(DomainErrors.InvalidAmount, ex.Code);
        var ex2 = Assert.Throws<DomainException>(() => Money.FromMajor(long.MaxValue / 100_000 + 1));
        Assert.Equal(DomainErrors.InvalidAmount, ex2.Code);
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1L, "0.01")]
    [InlineData(850L, "8.5")]
    [InlineData(123456L, "1234.56")]
    public void ToMajor_is_the_exact_decimal(long minor, string major) =>
        Assert.Equal(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), new Money(minor).ToMajor());

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(850L)]
    [InlineData(99_999_999L)]
    public void FromMajor_and_ToMajor_round_trip(long minor) =>
        Assert.Equal(new Money(minor), Money.FromMajor(new Money(minor).ToMajor()));

    [Fact]
    public void ToString_uses_two_decimals_and_a_dot()
    {
        Assert.Equal("8.50", new Money(850).ToString());
        Assert.Equal("0.00", Money.Zero.ToString());
        Assert.Equal("1234.05", new Money(123405).ToString());
    }

    [Fact]
    public void Arithmetic_works_in_minor_units()
    {
        var a = new Money(850);
        var b = new Money(250);
        Assert.Equal(new Money(1100), a + b);
        Assert.Equal(new Money(600), a - b);
        Assert.Equal(Money.Zero, a - a);
        Assert.Equal(new Money(2550), a * 3);
        Assert.Equal(Money.Zero, a * 0);
    }

    [Fact]
    public void Subtraction_below_zero_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new Money(100) - new Money(101));
        Assert.Equal(DomainErrors.InvalidAmount, ex.Code);
    }

    [Fact]
    public void Comparisons_follow_minor_units()
    {
        var small = new Money(100);
        var big = new Money(200);
        Assert.True(small < big);
        Assert.True(big > small);
        Assert.True(small <= new Money(100));
        Assert.True(small >= new Money(100));
        Assert.False(big <= small);
        Assert.False(small >= big);
        Assert.True(small.CompareTo(big) < 0);
        Assert.Equal(0, small.CompareTo(new Money(100)));
        Assert.Equal(new Money(100), small);
    }
}
