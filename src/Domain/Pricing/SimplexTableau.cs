namespace Restaurant.Domain.Pricing;

/// <summary>
/// A dense simplex tableau for maximise c·x subject to rows a·x ≤ b or a·x = 0, x ≥ 0, that branch and bound can extend:
/// the first solve is primal simplex from the slack basis (every starting b ≥ 0); a branch adds one row (its b may
/// be negative) to a copy of its parent's optimal tableau and the dual simplex restores feasibility in a few pivots.
/// Dantzig's rule, falling back to Bland's (which cannot cycle) if a solve runs long. Doubles only bound and guide
/// the search; every answer the optimizer keeps is checked in exact integer arithmetic.
/// Column 0 holds the right-hand side, columns 1…n the variables, then one slack per row (appended as rows come).
/// An "= 0" row's slack is fixed at zero: it never enters, and while basic it leaves as soon as a pivot would move it.
/// </summary>
internal sealed class SimplexTableau
{
    private const double Epsilon = 1e-9;
    private readonly int _variables;
    private readonly List<double[]> _rows;
    private readonly List<int> _basis;
    private readonly HashSet<int> _fixed; // slack columns of "= 0" rows
    private double[] _cost;
    private int _width;

    /// <summary>The starting tableau: every row a·x ≤ b with b ≥ 0, so the slacks are a feasible basis.</summary>
    public SimplexTableau(int variables, double[] objective, IReadOnlyList<(int[] Columns, double[] Values, double Limit, bool Equality)> rows)
    {
        _fixed = [];
        _variables = variables;
        _width = variables + rows.Count + 1;
        var capacity = _width + 16;
        _rows = new List<double[]>(rows.Count);
        _basis = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new double[capacity];
            row[0] = rows[i].Limit;
            for (var k = 0; k < rows[i].Columns.Length; k++) row[rows[i].Columns[k] + 1] = rows[i].Values[k];
            row[variables + 1 + i] = 1;
            if (rows[i].Equality) _fixed.Add(variables + 1 + i);
            _rows.Add(row);
            _basis.Add(variables + 1 + i);
        }
        _cost = new double[capacity];
        for (var j = 0; j < variables; j++) _cost[j + 1] = -objective[j];
    }

    private SimplexTableau(SimplexTableau parent)
    {
        _variables = parent._variables;
        _width = parent._width;
        // A branch adds a row or two: copy the columns in use (not the parent's spare capacity), leaving a little
        // room, into arrays that need no zeroing first.
        var capacity = _width + 4;
        _rows = parent._rows.Select(row => CopyOf(row, _width, capacity)).ToList();
        _basis = [.. parent._basis];
        _fixed = parent._fixed;
        _cost = CopyOf(parent._cost, _width, capacity);
    }

    /// <summary>The objective at the current basis.</summary>
    public double Value => _cost[0];

    public SimplexTableau Copy() => new(this);

    /// <summary>Adds a·x ≤ limit, expressed in the current basis; call <see cref="Restore"/> after adding rows.</summary>
    public void Add(int[] columns, double[] values, double limit)
    {
        if (_width == _cost.Length) Grow(2 * _width);
        var slack = _width++;
        var row = new double[_cost.Length];
        row[0] = limit;
        for (var k = 0; k < columns.Length; k++) row[columns[k] + 1] = values[k];
        row[slack] = 1;
        // Basic variables may not appear in a row of the tableau: subtract their rows out.
        for (var i = 0; i < _rows.Count; i++)
        {
            var factor = row[_basis[i]];
            if (Math.Abs(factor) <= Epsilon) continue;
            var source = _rows[i];
            for (var j = 0; j < _width; j++) row[j] -= factor * source[j];
        }
        _rows.Add(row);
        _basis.Add(slack);
    }

    /// <summary>Primal simplex to optimality from a feasible basis (all right-hand sides ≥ 0).</summary>
    public void Optimize()
    {
        var blandAfter = 10 * (_rows.Count + _width);
        for (var iteration = 0; ; iteration++)
        {
            var entering = -1;
            var mostNegative = -Epsilon;
            for (var j = 1; j < _width; j++)
            {
                if (_cost[j] >= mostNegative || _fixed.Contains(j)) continue;
                entering = j;
                if (iteration > blandAfter) break;
                mostNegative = _cost[j];
            }
            if (entering < 0) return;

            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < _rows.Count; i++)
            {
                var coefficient = _rows[i][entering];
                if (_fixed.Contains(_basis[i]) && Math.Abs(coefficient) > Epsilon)
                {
                    leaving = i;
                    break;
                }
                if (coefficient <= Epsilon) continue;
                var ratio = Math.Max(0, _rows[i][0]) / coefficient;
                if (ratio < bestRatio - Epsilon || (ratio <= bestRatio + Epsilon && _basis[i] < _basis[leaving]))
                {
                    bestRatio = ratio;
                    leaving = i;
                }
            }
            if (leaving < 0) throw new InvalidOperationException("Bundle counts are bounded by the units; the program cannot be unbounded.");
            Pivot(leaving, entering);
        }
    }

    /// <summary>Dual simplex from an optimal basis made infeasible by added rows; false when no solution exists.</summary>
    public bool Restore()
    {
        var blandAfter = 10 * (_rows.Count + _width);
        for (var iteration = 0; ; iteration++)
        {
            // The most violated row: a value below zero, or a fixed slack off zero in either direction.
            var leaving = -1;
            var worst = 1e-7;
            for (var i = 0; i < _rows.Count; i++)
            {
                var value = _rows[i][0];
                var violation = _fixed.Contains(_basis[i]) ? Math.Abs(value) : -value;
                if (violation <= worst) continue;
                leaving = i;
                if (iteration > blandAfter) break;
                worst = violation;
            }
            if (leaving < 0) return true;

            // Raising a non-basic x_j moves the leaving variable by −a_j: to raise a value below zero take a_j < 0,
            // to lower a fixed slack above zero take a_j > 0.
            var direction = _rows[leaving][0] > 0 ? -1 : 1;
            var entering = -1;
            var bestRatio = double.PositiveInfinity;
            var row = _rows[leaving];
            for (var j = 1; j < _width; j++)
            {
                var coefficient = direction * row[j];
                if (coefficient >= -Epsilon || _fixed.Contains(j)) continue;
                var ratio = Math.Max(0, _cost[j]) / -coefficient;
                if (ratio < bestRatio - Epsilon)
                {
                    bestRatio = ratio;
                    entering = j;
                }
            }
            if (entering < 0) return false;
            Pivot(leaving, entering);
        }
    }

    /// <summary>The value of every variable at the current basis.</summary>
    public double[] Solution()
    {
        var x = new double[_variables];
        for (var i = 0; i < _rows.Count; i++)
            if (_basis[i] <= _variables) x[_basis[i] - 1] = Math.Max(0, _rows[i][0]);
        return x;
    }

    private void Pivot(int leaving, int entering)
    {
        var pivotRow = _rows[leaving];
        var pivot = pivotRow[entering];
        // Rows stay sparse for most of a solve: update only the columns where the pivot row is not zero.
        var nonZero = new List<int>();
        for (var j = 0; j < _width; j++)
        {
            if (pivotRow[j] == 0) continue;
            pivotRow[j] /= pivot;
            nonZero.Add(j);
        }
        for (var i = 0; i <= _rows.Count; i++)
        {
            if (i == leaving) continue;
            var target = i < _rows.Count ? _rows[i] : _cost;
            var factor = target[entering];
            if (Math.Abs(factor) <= Epsilon) continue;
            foreach (var j in nonZero) target[j] -= factor * pivotRow[j];
            target[entering] = 0;
        }
        _basis[leaving] = entering;
    }

    private static double[] CopyOf(double[] source, int width, int capacity)
    {
        var copy = GC.AllocateUninitializedArray<double>(capacity);
        Array.Copy(source, copy, width);
        Array.Clear(copy, width, capacity - width);
        return copy;
    }

    private void Grow(int capacity)
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            Array.Resize(ref row, capacity);
            _rows[i] = row;
        }
        Array.Resize(ref _cost, capacity);
    }
}
