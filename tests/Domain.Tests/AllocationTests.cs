using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

public class AllocationTests
{
    [Fact]
    public void Parts_are_proportional_when_they_divide_exactly() =>
        Assert.Equal([750L, 250L], Allocation.LargestRemainder(1000, [900, 300]));

    [Fact]
    public void Spare_cents_go_to_the_largest_remainders() =>
        // 100 * (1, 2, 4) / 7 = 14.29 / 28.57 / 57.14 -> 14 / 28 / 57 = 99; the spare cent goes to .57.
        Assert.Equal([14L, 29L, 57L], Allocation.LargestRemainder(100, [1, 2, 4]));

    [Fact]
    public void Ties_go_to_the_earlier_index()
    {
        Assert.Equal([34L, 33L, 33L], Allocation.LargestRemainder(100, [1, 1, 1]));
        Assert.Equal([1L, 1L, 0L], Allocation.LargestRemainder(2, [5, 5, 5]));
    }

    [Fact]
    public void No_weights_give_no_parts() => Assert.Empty(Allocation.LargestRemainder(100, []));

    [Fact]
    public void All_zero_weights_give_everything_to_the_first_part() =>
        Assert.Equal([100L, 0L, 0L], Allocation.LargestRemainder(100, [0, 0, 0]));

    [Fact]
    public void A_zero_weight_gets_nothing() =>
        Assert.Equal([0L, 100L], Allocation.LargestRemainder(100, [0, 7]));

    [Fact]
    public void A_zero_total_gives_zero_parts() =>
        Assert.Equal([0L, 0L], Allocation.LargestRemainder(0, [3, 4]));

    [Fact]
    public void Large_amounts_do_not_overflow()
    {
        var parts = Allocation.LargestRemainder(long.MaxValue / 2, [long.MaxValue / 4, long.MaxValue / 4]);
        Assert.Equal(long.MaxValue / 2, parts.Sum());
    }

    [Fact]
    public void Parts_sum_to_the_total_and_each_is_within_one_of_its_exact_share()
    {
        var cases =
            from total in Gen.Choose(0, 1_000_000).Select(t => (long)t)
            from weights in Gen.Choose(0, 100_000).Select(w => (long)w).ListOf()
                .Where(ws => ws.Count is > 0 and <= 12 && ws.Sum() > 0)
            select (total, weights: weights.ToArray());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var parts = Allocation.LargestRemainder(c.total, c.weights);
            Assert.Equal(c.weights.Length, parts.Length);
            Assert.Equal(c.total, parts.Sum());
            var weightSum = c.weights.Sum();
            for (var i = 0; i < parts.Length; i++)
            {
                // exact = total * w / sum; floor(exact) <= part <= floor(exact) + 1, and part < exact + 1.
                var scaled = (Int128)c.total * c.weights[i];
                var floor = (long)(scaled / weightSum);
                Assert.InRange(parts[i], floor, floor + 1);
                Assert.True((Int128)parts[i] * weightSum < scaled + weightSum, $"part {i} is a full unit above its share");
                Assert.True((Int128)parts[i] * weightSum > scaled - weightSum, $"part {i} is a full unit below its share");
                if (c.weights[i] == 0) Assert.Equal(0, parts[i]);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
