using System.Numerics;
using System.Runtime.InteropServices;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// The vector loops of <see cref="SimplexTableau"/>, on rows that are a whole number of vectors long. Each gives the
/// doubles a scalar loop would (no fused multiply-add), so pivots are the same on any machine; at most the sign of a
/// zero differs, which no comparison sees.
/// </summary>
internal static class RowVectors
{
    public static int Lanes => Vector<double>.Count;

    /// <summary>The first index of the least value, if that is below <paramref name="limit"/> (≤ 0); else −1.</summary>
    public static int FirstLeastBelow(ReadOnlySpan<double> row, double limit)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(row);
        var leastLanes = Vector<double>.Zero;
        foreach (var lanes in vectors) leastLanes = Vector.MinNative(leastLanes, lanes); // no NaN here: the native instruction will do
        var least = 0.0;
        for (var k = 0; k < Lanes; k++) least = Math.Min(least, leastLanes[k]);
        if (least >= limit) return -1;
        var vector = 0;
        while (!Vector.EqualsAny(vectors[vector], new Vector<double>(least))) vector++;
        var index = vector * Lanes;
        while (row[index] != least) index++;
        return index;
    }

    /// <summary>The whole vectors from the first to the last that hold a value other than zero (there is one).</summary>
    public static (int Start, int Length) NonZeroSpan(ReadOnlySpan<double> row)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(row);
        var first = 0;
        while (vectors[first] == Vector<double>.Zero) first++;
        var last = vectors.Length - 1;
        while (vectors[last] == Vector<double>.Zero) last--;
        return (first * Lanes, (last + 1 - first) * Lanes);
    }

    public static void Divide(Span<double> row, double divisor)
    {
        var divisors = new Vector<double>(divisor);
        foreach (ref var lanes in MemoryMarshal.Cast<double, Vector<double>>(row))
            if (lanes != Vector<double>.Zero) lanes /= divisors;
    }

    /// <summary>target −= factor · source.</summary>
    public static void SubtractMultiple(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var targetVectors = MemoryMarshal.Cast<double, Vector<double>>(target);
        var sourceVectors = MemoryMarshal.Cast<double, Vector<double>>(source);
        var factors = new Vector<double>(factor);
        for (var k = 0; k < targetVectors.Length; k++) targetVectors[k] -= factors * sourceVectors[k];
    }
}
