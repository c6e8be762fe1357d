namespace Restaurant.Domain.Pricing;

/// <summary>
/// A small dense simplex: maximise c·x subject to A·x ≤ b, x ≥ 0, with b ≥ 0 (so the slack basis is feasible).
/// Bland's rule keeps it from cycling on the degenerate programs that bundle counts produce. It only bounds the
/// search; every answer the optimizer returns is checked in exact integer arithmetic.
/// </summary>
internal static class LinearProgram
{
    private const double Epsilon = 1e-9;

    public static (double Value, double[] X) Maximize(double[][] a, double[] b, double[] c)
    {
        var rows = a.Length;
        var columns = c.Length;
        var width = columns + rows + 1;
        var tableau = new double[rows + 1][];
        var basis = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            tableau[i] = new double[width];
            Array.Copy(a[i], tableau[i], columns);
            tableau[i][columns + i] = 1;
            tableau[i][width - 1] = b[i];
            basis[i] = columns + i;
        }
        var objective = tableau[rows] = new double[width];
        for (var j = 0; j < columns; j++) objective[j] = -c[j];

        while (true)
        {
            var entering = -1;
            for (var j = 0; j < width - 1 && entering < 0; j++)
                if (objective[j] < -Epsilon) entering = j;
            if (entering < 0) break;

            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                if (tableau[i][entering] <= Epsilon) continue;
                var ratio = Math.Max(0, tableau[i][width - 1]) / tableau[i][entering]; // round-off must not make a ratio negative
                if (ratio < bestRatio - Epsilon || (Math.Abs(ratio - bestRatio) <= Epsilon && basis[i] < basis[leaving]))
                {
                    bestRatio = ratio;
                    leaving = i;
                }
            }
            if (leaving < 0) throw new InvalidOperationException("Bundle counts are bounded by the units; the program cannot be unbounded.");
            Pivot(tableau, leaving, entering);
            basis[leaving] = entering;
        }

        var x = new double[columns];
        for (var i = 0; i < rows; i++)
            if (basis[i] < columns) x[basis[i]] = Math.Max(0, tableau[i][width - 1]);
        return (objective[width - 1], x);
    }

    private static void Pivot(double[][] tableau, int row, int column)
    {
        var pivotRow = tableau[row];
        var pivot = pivotRow[column];
        for (var j = 0; j < pivotRow.Length; j++) pivotRow[j] /= pivot;
        for (var i = 0; i < tableau.Length; i++)
        {
            if (i == row) continue;
            var factor = tableau[i][column];
            if (Math.Abs(factor) <= Epsilon) continue;
            var target = tableau[i];
            for (var j = 0; j < target.Length; j++) target[j] -= factor * pivotRow[j];
        }
    }
}
