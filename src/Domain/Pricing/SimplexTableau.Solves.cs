namespace Restaurant.Domain.Pricing;

/// <summary>How a solve ended.</summary>
internal enum SolveResult
{
    /// <summary>Optimal (primal) or feasible again and optimal (dual).</summary>
    Solved,

    /// <summary>The node cannot beat the best bundling found, or has no solution at all.</summary>
    Pruned,

    /// <summary>
    /// The work ran out, or rounding error left nothing sound to pivot on (a value not finite, only pivots below the
    /// tolerance, or more iterations than any sound solve takes): nothing is known about the node.
    /// </summary>
    GaveUp,
}

/// <summary>
/// The solves: Dantzig's rule (most negative cost; most violated row), switching to Bland's (first column; first
/// basic column), which cannot cycle, after 10 · (rows + columns) iterations, and giving up after twice that (a sound
/// solve takes a few times the rows).
/// </summary>
internal sealed partial class SimplexTableau
{
    /// <summary>Primal simplex to optimality from a feasible basis (all values ≥ 0).</summary>
    public SolveResult Optimize()
    {
        var blandAfter = 10 * (_rows + _width);
        for (var iteration = 0; ; iteration++)
        {
            if (_work.Exhausted || iteration > 2 * blandAfter || !double.IsFinite(_value)) return SolveResult.GaveUp;
            var entering = iteration > blandAfter ? FirstNegativeCost() : MostNegativeCost();
            if (entering < 0) return SolveResult.Solved;

            GatherColumn(entering);
            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < _rows; i++)
            {
                var coefficient = _column[i];
                if (_basis[i] == FixedSlack && Math.Abs(coefficient) > PivotTolerance)
                {
                    leaving = i;
                    break;
                }
                if (coefficient <= PivotTolerance) continue;
                var ratio = Math.Max(0, _values[i]) / coefficient;
                if (ratio < bestRatio - Epsilon || (ratio <= bestRatio + Epsilon && _basis[i] < _basis[leaving]))
                {
                    bestRatio = ratio;
                    leaving = i;
                }
            }
            // Bundle counts are bounded by the units, so a column that rises without limit is rounding error.
            if (leaving < 0) return SolveResult.GaveUp;
            Pivot(leaving, entering);
        }
    }

    /// <summary>
    /// Dual simplex from an optimal basis made infeasible by added rows or moved limits, until it is feasible again
    /// or the objective (which only falls on the way) is one that <paramref name="cannotWin"/>; it gives up after
    /// <paramref name="maxIterations"/> if that comes first.
    /// </summary>
    public SolveResult Restore(Func<double, bool> cannotWin, int maxIterations = int.MaxValue)
    {
        var blandAfter = 10 * (_rows + _width);
        for (var iteration = 0; ; iteration++)
        {
            if (_work.Exhausted || iteration > Math.Min(2 * blandAfter, maxIterations) || !double.IsFinite(_value)) return SolveResult.GaveUp;
            if (cannotWin(_value)) return SolveResult.Pruned;
            // The most violated row: a value below zero, or a fixed slack off zero in either direction. After a long
            // run, Bland's choice instead: the violated row whose basic column comes first (fixed slacks before all).
            var leaving = -1;
            var worst = 0.0;
            var bland = iteration > blandAfter;
            for (var i = 0; i < _rows; i++)
            {
                var value = _values[i];
                if (!double.IsFinite(value)) return SolveResult.GaveUp;
                var violation = _basis[i] == FixedSlack ? Math.Abs(value) : -value;
                if (violation <= 1e-7) continue;
                if (bland ? leaving >= 0 && _basis[i] >= _basis[leaving] : violation <= worst) continue;
                leaving = i;
                worst = violation;
            }
            if (leaving < 0) return SolveResult.Solved;

            // Raising a non-basic x_j moves the leaving variable by −a_j: to raise a value below zero take a_j < 0,
            // to lower a fixed slack above zero take a_j > 0.
            var row = Row(leaving);
            var direction = _values[leaving] > 0 ? -1 : 1;
            var entering = -1;
            var bestRatio = double.PositiveInfinity;
            var onlyTiny = false;
            for (var j = 0; j < _width; j++)
            {
                var coefficient = direction * row[j];
                if (coefficient >= -Epsilon) continue;
                if (coefficient > -PivotTolerance)
                {
                    onlyTiny = true;
                    continue;
                }
                var ratio = Math.Max(0, _cost[j]) / -coefficient;
                if (ratio < bestRatio - Epsilon)
                {
                    bestRatio = ratio;
                    entering = j;
                }
            }
            // No column can repair the row: the node has no solution, unless only rounding error says so.
            if (entering < 0) return onlyTiny ? SolveResult.GaveUp : SolveResult.Pruned;
            GatherColumn(entering);
            Pivot(leaving, entering);
        }
    }

    /// <summary>Dantzig's choice: the first column with the most negative cost below −ε, or −1.</summary>
    private int MostNegativeCost() => RowVectors.FirstLeastBelow(_cost.AsSpan(0, _stride), -Epsilon);

    /// <summary>Bland's choice: the first column with a cost below −ε, or −1.</summary>
    private int FirstNegativeCost()
    {
        for (var j = 0; j < _width; j++)
            if (_cost[j] < -Epsilon) return j;
        return -1;
    }
}
