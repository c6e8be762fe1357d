namespace Restaurant.Domain.Pricing;

/// <summary>
/// A small dense two-phase simplex: maximise c·x subject to rows a·x ≤ b or a·x ≥ b (b ≥ 0), x ≥ 0.
/// Dantzig's rule, falling back to Bland's (which cannot cycle) if a solve runs long. It only bounds and guides the
/// search; every answer the optimizer keeps is checked in exact integer arithmetic.
/// </summary>
internal sealed class LinearProgram(int variables)
{
    private const double Epsilon = 1e-9;
    private readonly List<(double[] Coefficients, double Limit, bool AtLeast)> _rows = [];

    public void AddRow(double[] coefficients, double limit, bool atLeast = false) => _rows.Add((coefficients, limit, atLeast));

    /// <summary>The optimum, or null when the rows cannot all hold.</summary>
    public (double Value, double[] X)? Maximize(double[] objective)
    {
        var rows = _rows.Count;
        var surplusCount = _rows.Count(r => r.AtLeast);
        // Columns: the variables, one slack or surplus per row, one artificial per ≥ row, then the right-hand side.
        var artificialStart = variables + rows;
        var width = artificialStart + surplusCount + 1;
        var rhs = width - 1;
        var tableau = new double[rows + 1][];
        var basis = new int[rows];
        var artificial = artificialStart;
        for (var i = 0; i < rows; i++)
        {
            var (coefficients, limit, atLeast) = _rows[i];
            var row = tableau[i] = new double[width];
            Array.Copy(coefficients, row, variables);
            row[rhs] = limit;
            row[variables + i] = atLeast ? -1 : 1;
            if (atLeast) row[artificial] = 1;
            basis[i] = atLeast ? artificial++ : variables + i;
        }
        var cost = tableau[rows] = new double[width];

        if (surplusCount > 0)
        {
            // Phase I: drive the artificials to zero (maximise −Σ artificials, priced out against their rows).
            for (var i = 0; i < rows; i++)
                if (basis[i] >= artificialStart)
                    for (var j = 0; j < width; j++)
                        if (j < artificialStart || j == rhs) cost[j] -= tableau[i][j];
            Run(tableau, basis, width - 1);
            if (cost[rhs] < -1e-7) return null;
            for (var i = 0; i < rows; i++)
            {
                if (basis[i] < artificialStart) continue;
                for (var j = 0; j < artificialStart; j++)
                {
                    if (Math.Abs(tableau[i][j]) <= Epsilon) continue;
                    Pivot(tableau, i, j);
                    basis[i] = j;
                    break;
                }
            }
        }

        // Phase II on the real objective, with artificial columns barred from entering.
        Array.Clear(cost);
        for (var j = 0; j < variables; j++) cost[j] = -objective[j];
        for (var i = 0; i < rows; i++)
        {
            var k = basis[i];
            if (k >= variables || Math.Abs(cost[k]) <= Epsilon) continue;
            var factor = cost[k];
            for (var j = 0; j < width; j++) cost[j] -= factor * tableau[i][j];
        }
        Run(tableau, basis, artificialStart);

        var x = new double[variables];
        for (var i = 0; i < rows; i++)
            if (basis[i] < variables) x[basis[i]] = Math.Max(0, tableau[i][rhs]);
        return (cost[rhs], x);
    }

    private static void Run(double[][] tableau, int[] basis, int enterable)
    {
        var rows = basis.Length;
        var cost = tableau[rows];
        var rhs = cost.Length - 1;
        var blandAfter = 10 * (rows + enterable);
        for (var iteration = 0; ; iteration++)
        {
            var entering = -1;
            var mostNegative = -Epsilon;
            for (var j = 0; j < enterable; j++)
            {
                if (cost[j] >= mostNegative) continue;
                entering = j;
                if (iteration > blandAfter) break;
                mostNegative = cost[j];
            }
            if (entering < 0) return;

            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                var coefficient = tableau[i][entering];
                if (coefficient <= Epsilon) continue;
                var ratio = Math.Max(0, tableau[i][rhs]) / coefficient;
                if (ratio < bestRatio - Epsilon || (ratio <= bestRatio + Epsilon && basis[i] < basis[leaving]))
                {
                    bestRatio = ratio;
                    leaving = i;
                }
            }
            if (leaving < 0) throw new InvalidOperationException("Bundle counts are bounded by the units; the program cannot be unbounded.");
            Pivot(tableau, leaving, entering);
            basis[leaving] = entering;
        }
    }

    private static void Pivot(double[][] tableau, int row, int column)
    {
        var pivotRow = tableau[row];
        var pivot = pivotRow[column];
        // Rows stay sparse for most of a solve: update only the columns where the pivot row is not zero.
        Span<int> nonZero = pivotRow.Length <= 4096 ? stackalloc int[pivotRow.Length] : new int[pivotRow.Length];
        var count = 0;
        for (var j = 0; j < pivotRow.Length; j++)
        {
            if (pivotRow[j] == 0) continue;
            pivotRow[j] /= pivot;
            nonZero[count++] = j;
        }
        nonZero = nonZero[..count];
        for (var i = 0; i < tableau.Length; i++)
        {
            if (i == row) continue;
            var target = tableau[i];
            var factor = target[column];
            if (Math.Abs(factor) <= Epsilon) continue;
            foreach (var j in nonZero) target[j] -= factor * pivotRow[j];
            target[column] = 0;
        }
    }
}
