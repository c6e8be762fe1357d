using Restaurant.Domain.Tables;

namespace Restaurant.Domain.Tests;

public class TableTests
{
    [Fact]
    public void A_new_table_gets_a_url_safe_code_of_128_random_bits()
    {
        var table = Table.Create("T-1", seats: 6);

        Assert.Equal("T-1", table.Id);
        Assert.Equal(6, table.Seats);
        Assert.Equal(Table.CodeLength, table.Code.Length);
        Assert.All(table.Code, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        Assert.Equal(16, Convert.FromBase64String(table.Code.Replace('-', '+').Replace('_', '/') + "==").Length);
    }

    [Fact]
    public void No_two_tables_get_the_same_code()
    {
        var codes = Enumerable.Range(0, 1000).Select(i => Table.Create($"t{i}").Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void A_table_accepts_its_code_and_nothing_else()
    {
        var table = Table.Create("5");

        Assert.True(table.Accepts(table.Code));
        Assert.False(table.Accepts(null));
        Assert.False(table.Accepts(""));
        Assert.False(table.Accepts(table.Code.ToUpperInvariant() == table.Code ? table.Code.ToLowerInvariant() : table.Code.ToUpperInvariant()));
        Assert.False(table.Accepts(table.Code[..^1]));
        Assert.False(table.Accepts(table.Code + "x"));
    }

    [Fact]
    public void A_rotated_code_replaces_the_old_one()
    {
        var table = Table.Create("5");
        var old = table.Code;

        table.RotateCode();

        Assert.NotEqual(old, table.Code);
        Assert.False(table.Accepts(old));
        Assert.True(table.Accepts(table.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("table 1")]
    [InlineData("T_1")]
    [InlineData("T1!")]
    [InlineData("tablé")]
    [InlineData("123456789012345678901")]
    public void An_invalid_table_id_is_refused(string id)
    {
        Assert.False(Table.IsValidId(id));
        Assert.Equal(DomainErrors.InvalidTable, Assert.Throws<DomainException>(() => Table.Create(id)).Code);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("T-1")]
    [InlineData("patio-B7")]
    [InlineData("12345678901234567890")]
    public void A_valid_table_id_is_accepted(string id) => Assert.Equal(id, Table.Create(id).Id);

    [Fact]
    public void A_null_table_id_is_not_valid() => Assert.False(Table.IsValidId(null));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_table_seats_1_to_100(int seats)
    {
        Assert.Equal(DomainErrors.InvalidSeats, Assert.Throws<DomainException>(() => Table.Create("T1", seats)).Code);
        var table = Table.Create("T1");
        Assert.Equal(DomainErrors.InvalidSeats, Assert.Throws<DomainException>(() => table.SetSeats(seats)).Code);
        Assert.Equal(Table.DefaultSeats, table.Seats);
    }
}
