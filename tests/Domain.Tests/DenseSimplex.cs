namespace Restaurant.Domain.Tests;

/// <summary>
/// A textbook dense two-phase simplex for <see cref="PlainReference"/>: maximise c·x subject to rows a·x ≤ b (b of
/// any sign) and x ≥ 0, solved from scratch every time. Rows with b &lt; 0 are negated and given an artificial
/// column; phase 1 drives the artificials to zero, phase 2 optimises c. Dantzig's rule, then Bland's (which cannot
/// cycle) after a long run.
/// </summary>
public static class DenseSimplex
{
    private const double Epsilon = 1e-9;

    /// <summary>The optimum and a vertex that reaches it, or null when no x satisfies the rows.</summary>
    public static (double Value, double[] X)? Maximize(double[] c, IReadOnlyList<(double[] A, double B)> rows)
    {
        int n = c.Length, m = rows.Count;
        var artificials = rows.Count(r => r.B < 0);
        var width = n + m + artificials; // variables, one slack per row, then the artificials
        var t = new double[m + 1, width + 1]; // the last row is the objective, the last column the right-hand side
        var basis = new int[m];
        var artificial = n + m;
        for (var i = 0; i < m; i++)
        {
            var sign = rows[i].B < 0 ? -1 : 1;
            for (var j = 0; j < n; j++) t[i, j] = sign * rows[i].A[j];
            t[i, n + i] = sign;
            t[i, width] = sign * rows[i].B;
            if (sign > 0) basis[i] = n + i;
            else
            {
                t[i, artificial] = 1;
                basis[i] = artificial++;
            }
        }

        // Phase 1: maximise −Σ artificials, expressed in the starting basis.
        for (var i = 0; i < m; i++)
            if (basis[i] >= n + m)
                for (var j = 0; j <= width; j++) t[m, j] -= t[i, j];
        for (var j = n + m; j < width; j++) t[m, j] += 1;
        Run(t, basis, width, width);
        if (t[m, width] < -1e-7) return null;
        // Artificials still basic (at zero) leave for any other column with a coefficient in their row.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n + m) continue;
            for (var j = 0; j < n + m; j++)
                if (Math.Abs(t[i, j]) > Epsilon)
                {
                    Pivot(t, basis, i, j, width);
                    break;
                }
        }

        // Phase 2: the real objective, artificials barred.
        for (var j = 0; j <= width; j++) t[m, j] = 0;
        for (var j = 0; j < n; j++) t[m, j] = -c[j];
        for (var i = 0; i < m; i++)
        {
            var factor = basis[i] < n ? t[m, basis[i]] : 0;
            if (factor == 0) continue;
            for (var j = 0; j <= width; j++) t[m, j] -= factor * t[i, j];
        }
        Run(t, basis, width, n + m);
        var x = new double[n];
        for (var i = 0; i < m; i++)
            if (basis[i] < n) x[basis[i]] = t[i, width];
        return (t[m, width], x);
    }

    /// <summary>Pivots until no column before <paramref name="enterable"/> improves the objective.</summary>
    private static void Run(double[,] t, int[] basis, int width, int enterable)
    {
        var m = basis.Length;
        for (var iteration = 0; ; iteration++)
        {
            var bland = iteration > 50 * (m + width);
            var entering = -1;
            for (var j = 0; j < enterable; j++)
                if (t[m, j] < -Epsilon && (entering < 0 || (!bland && t[m, j] < t[m, entering])))
                {
                    entering = j;
                    if (bland) break;
                }
            if (entering < 0) return;
            var leaving = -1;
            for (var i = 0; i < m; i++)
            {
                if (t[i, entering] <= Epsilon) continue;
                if (leaving < 0) leaving = i;
                else
                {
                    var ratio = t[i, width] / t[i, entering];
                    var best = t[leaving, width] / t[leaving, entering];
                    if (ratio < best - Epsilon || (ratio <= best + Epsilon && basis[i] < basis[leaving])) leaving = i;
                }
            }
            if (leaving < 0) throw new InvalidOperationException("The program is bounded by the units; it cannot be unbounded.");
            Pivot(t, basis, leaving, entering, width);
        }
    }

    private static void Pivot(double[,] t, int[] basis, int row, int column, int width)
    {
        var pivot = t[row, column];
        for (var j = 0; j <= width; j++) t[row, j] /= pivot;
        for (var i = 0; i < t.GetLength(0); i++)
        {
            var factor = t[i, column];
            if (i == row || factor == 0) continue;
            for (var j = 0; j <= width; j++) t[i, j] -= factor * t[row, j];
        }
        basis[row] = column;
    }
}
