using System.Buffers;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// A small two-phase simplex on a dense tableau: maximise c·x subject to sparse rows a·x ≤ b, a·x ≥ b (b ≥ 0) or
/// a·x = 0, with x ≥ 0. Dantzig's rule, falling back to Bland's (which cannot cycle) if a solve runs long. It only
/// bounds and guides the search; every answer the optimizer keeps is checked in exact integer arithmetic.
/// An "= 0" row keeps a slack fixed at zero: it never enters, and while basic it leaves at the first pivot touching
/// its row (with a zero right-hand side any pivot there keeps the solution feasible), so it needs no Phase I.
/// </summary>
internal sealed class LinearProgram(int variables)
{
    public enum Kind
    {
        AtMost,
        AtLeast,
        Zero,
    }

    public sealed record Row(int[] Columns, double[] Values, double Limit, Kind Kind);

    private const double Epsilon = 1e-9;
    private readonly List<Row> _rows = [];

    public void Add(Row row) => _rows.Add(row);

    /// <summary>The optimum, or null when the rows cannot all hold.</summary>
    public (double Value, double[] X)? Maximize(double[] objective)
    {
        // Zero rows first, so their fixed slacks are one range of columns; then the others. Columns: the variables,
        // one slack or surplus per row, one artificial per ≥ row, then the right-hand side.
        var rows = _rows.OrderBy(r => r.Kind == Kind.Zero ? 0 : 1).ToList();
        var zeroRows = rows.Count(r => r.Kind == Kind.Zero);
        var artificialStart = variables + rows.Count;
        var width = artificialStart + rows.Count(r => r.Kind == Kind.AtLeast) + 1;
        var rhs = width - 1;
        var cells = (rows.Count + 1) * width;
        var buffer = ArrayPool<double>.Shared.Rent(cells);
        try
        {
            var tableau = new Tableau(buffer, width, rows.Count, variables, variables + zeroRows);
            Array.Clear(buffer, 0, cells);
            var artificial = artificialStart;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = tableau.Row(i);
                for (var k = 0; k < rows[i].Columns.Length; k++) row[rows[i].Columns[k]] = rows[i].Values[k];
                row[rhs] = rows[i].Limit;
                row[variables + i] = rows[i].Kind == Kind.AtLeast ? -1 : 1;
                tableau.Basis[i] = variables + i;
                if (rows[i].Kind != Kind.AtLeast) continue;
                row[artificial] = 1;
                tableau.Basis[i] = artificial++;
            }
            var cost = tableau.Row(rows.Count);

            if (artificial > artificialStart)
            {
                // Phase I: drive the artificials to zero (maximise −Σ artificials, priced out against their rows).
                for (var i = 0; i < rows.Count; i++)
                {
                    if (tableau.Basis[i] < artificialStart) continue;
                    var row = tableau.Row(i);
                    for (var j = 0; j < artificialStart; j++) cost[j] -= row[j];
                    cost[rhs] -= row[rhs];
                }
                tableau.Run(rhs);
                if (cost[rhs] < -1e-7) return null;
                for (var i = 0; i < rows.Count; i++)
                {
                    if (tableau.Basis[i] < artificialStart) continue;
                    var row = tableau.Row(i);
                    for (var j = 0; j < artificialStart; j++)
                    {
                        if (Math.Abs(row[j]) <= Epsilon) continue;
                        tableau.Pivot(i, j);
                        break;
                    }
                }
            }

            // Phase II on the real objective, with artificial columns barred from entering.
            cost.Clear();
            for (var j = 0; j < variables; j++) cost[j] = -objective[j];
            for (var i = 0; i < rows.Count; i++)
            {
                var k = tableau.Basis[i];
                if (k >= variables || Math.Abs(cost[k]) <= Epsilon) continue;
                var factor = cost[k];
                var row = tableau.Row(i);
                for (var j = 0; j < width; j++) cost[j] -= factor * row[j];
            }
            tableau.Run(artificialStart);

            var x = new double[variables];
            for (var i = 0; i < rows.Count; i++)
                if (tableau.Basis[i] < variables) x[tableau.Basis[i]] = Math.Max(0, tableau.Row(i)[rhs]);
            return (cost[rhs], x);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Rows of one pooled buffer; the last row holds the reduced costs.</summary>
    private readonly struct Tableau(double[] cells, int width, int rows, int fixedStart, int fixedEnd)
    {
        public int[] Basis { get; } = new int[rows];

        public Span<double> Row(int i) => cells.AsSpan(i * width, width);

        public void Run(int enterable)
        {
            var cost = Row(rows);
            var rhs = width - 1;
            var blandAfter = 10 * (rows + enterable);
            for (var iteration = 0; ; iteration++)
            {
                var entering = -1;
                var mostNegative = -Epsilon;
                for (var j = 0; j < enterable; j++)
                {
                    if (cost[j] >= mostNegative || (j >= fixedStart && j < fixedEnd)) continue;
                    entering = j;
                    if (iteration > blandAfter) break;
                    mostNegative = cost[j];
                }
                if (entering < 0) return;

                var leaving = -1;
                var bestRatio = double.PositiveInfinity;
                for (var i = 0; i < rows; i++)
                {
                    var coefficient = cells[i * width + entering];
                    if (Basis[i] >= fixedStart && Basis[i] < fixedEnd && Math.Abs(coefficient) > Epsilon)
                    {
                        leaving = i;
                        break;
                    }
                    if (coefficient <= Epsilon) continue;
                    var ratio = Math.Max(0, cells[i * width + rhs]) / coefficient;
                    if (ratio < bestRatio - Epsilon || (ratio <= bestRatio + Epsilon && Basis[i] < Basis[leaving]))
                    {
                        bestRatio = ratio;
                        leaving = i;
                    }
                }
                if (leaving < 0) throw new InvalidOperationException("Bundle counts are bounded by the units; the program cannot be unbounded.");
                Pivot(leaving, entering);
            }
        }

        public void Pivot(int row, int column)
        {
            var pivotRow = Row(row);
            var pivot = pivotRow[column];
            // Rows stay sparse for most of a solve: update only the columns where the pivot row is not zero.
            var nonZero = ArrayPool<int>.Shared.Rent(width);
            var count = 0;
            for (var j = 0; j < width; j++)
            {
                if (pivotRow[j] == 0) continue;
                pivotRow[j] /= pivot;
                nonZero[count++] = j;
            }
            for (var i = 0; i <= rows; i++)
            {
                if (i == row) continue;
                var target = Row(i);
                var factor = target[column];
                if (Math.Abs(factor) <= Epsilon) continue;
                for (var k = 0; k < count; k++) target[nonZero[k]] -= factor * pivotRow[nonZero[k]];
                target[column] = 0;
            }
            ArrayPool<int>.Shared.Return(nonZero);
            Basis[row] = column;
        }
    }
}
