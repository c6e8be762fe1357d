namespace Restaurant.Api.Tests.Support;

/// <summary>Table names that no other test of the same fixture uses (tables are unique while an order is unpaid).</summary>
public static class Tables
{
    /// <summary><paramref name="prefix"/> (at most 7 characters) and 12 random hex digits: 20 characters at most.</summary>
    public static string Unique(string prefix)
    {
        Assert.InRange(prefix.Length, 1, 7);
        return $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }
}
