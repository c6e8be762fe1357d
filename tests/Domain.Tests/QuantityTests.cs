namespace Restaurant.Domain.Tests;

public class QuantityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Out_of_range_quantities_are_refused(int value)
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(value));
        Assert.Equal(DomainErrors.InvalidQuantity, ex.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    public void Quantities_from_1_to_50_are_kept(int value) => Assert.Equal(value, new Quantity(value).Value);

    [Fact]
    public void Max_is_50() => Assert.Equal(50, Quantity.Max);

    [Fact]
    public void Quantities_compare_by_value() => Assert.Equal(new Quantity(3), new Quantity(3));
}
