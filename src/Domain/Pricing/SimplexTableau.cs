using System.Diagnostics;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// A dense simplex tableau for maximise c·x subject to rows a·x ≤ b or a·x = 0, x ≥ 0, that branch and bound can extend:
/// the first solve is primal simplex from the slack basis (every starting b ≥ 0); a branch adds one row (its b may
/// be negative) to a copy of its parent's optimal tableau and the dual simplex restores feasibility in a few pivots.
/// Dantzig's rule, falling back to Bland's (which cannot cycle) if a solve runs long. Doubles only bound and guide
/// the search; every answer the optimizer keeps is checked in exact integer arithmetic.
/// Columns 0…n−1 are the variables, then one slack per "≤" row (appended as rows come); the values of the basic
/// variables are kept apart from the rows. An "= 0" row has no slack column: its slack is fixed at zero, so it never
/// enters, and while basic (marked <see cref="FixedSlack"/>) it leaves as soon as a pivot would move it.
/// Every pivot is counted in the <see cref="SearchWork"/> the tableau and its copies share; a solve stops early once
/// that work is exhausted (and throws if it is cancelled). Row storage is in SimplexTableau.Layout.cs.
/// </summary>
internal sealed partial class SimplexTableau : IDisposable
{
    private const double Epsilon = 1e-9;
    private const int FixedSlack = -1;
    private readonly SearchWork _work;
    private readonly int _variables;
    private readonly SimplexTableau? _parent;
    private int _rows;
    private int _width;
    private double[] _cost; // reduced costs, negated: a column improves the objective while its cost is below zero
    private double[] _values; // the value of each row's basic variable
    private int[] _basis;
    private double _value;
    private int _liveCopies;
    private bool _disposed;

    /// <summary>The starting tableau: every row a·x ≤ b with b ≥ 0, so the slacks are a feasible basis.</summary>
    public SimplexTableau(int variables, double[] objective, IReadOnlyList<ProgramRow> rows, SearchWork work)
    {
        _work = work;
        _variables = variables;
        _rows = rows.Count;
        _width = variables;
        foreach (var row in rows)
            if (!row.Equality) _width++;
        _stride = StrideFor(_width);
        _cells = Rent(RowCapacityFor(_rows) * _stride);
        Array.Clear(_cells, 0, _rows * _stride);
        _homes = new double[RowCapacityFor(_rows)][];
        Array.Fill(_homes, _cells);
        _cost = Rent(_stride);
        Array.Clear(_cost, 0, _stride);
        _values = new double[RowCapacityFor(_rows)];
        _basis = new int[RowCapacityFor(_rows)];
        var slack = variables;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = Row(i);
            _values[i] = rows[i].Limit;
            for (var k = 0; k < rows[i].Columns.Length; k++) row[rows[i].Columns[k]] = rows[i].Values[k];
            if (rows[i].Equality) _basis[i] = FixedSlack;
            else
            {
                row[slack] = 1;
                _basis[i] = slack++;
            }
        }
        for (var j = 0; j < variables; j++) _cost[j] = -objective[j];
    }

    private SimplexTableau(SimplexTableau parent)
    {
        _work = parent._work;
        _parent = parent;
        _variables = parent._variables;
        _rows = parent._rows;
        _width = parent._width;
        _stride = parent._stride;
        _value = parent._value;
        _cells = Rent(RowCapacityFor(_rows) * _stride);
        _homes = new double[RowCapacityFor(_rows)][];
        Array.Copy(parent._homes, _homes, _rows);
        _cost = Rent(_stride);
        Array.Copy(parent._cost, _cost, _stride);
        _values = new double[RowCapacityFor(_rows)];
        Array.Copy(parent._values, _values, _rows);
        _basis = new int[RowCapacityFor(_rows)];
        Array.Copy(parent._basis, _basis, _rows);
    }

    /// <summary>The objective at the current basis.</summary>
    public double Value => _value;

    /// <summary>Copies of this tableau not yet disposed: while there are any, this tableau must not change.</summary>
    public int LiveCopies => _liveCopies;

    /// <summary>
    /// A tableau to branch on. It reads its parent's rows until it changes them (a branch changes few), so the
    /// parent must not change, nor be disposed, while the copy lives (asserted in debug builds).
    /// </summary>
    public SimplexTableau Copy()
    {
        Debug.Assert(!_disposed, "A disposed tableau cannot be copied.");
        _liveCopies++;
        return new SimplexTableau(this);
    }

    /// <summary>Adds coefficient · Σ x[columns] ≤ limit, expressed in the current basis; <see cref="Restore"/> next.</summary>
    public void Add(int[] columns, double coefficient, double limit)
    {
        AssertMayChange();
        MakeRoom(_rows + 1, _width + 1);
        var slack = _width++;
        _homes[_rows] = _cells;
        var row = Row(_rows);
        row.Clear();
        var value = limit;
        foreach (var column in columns) row[column] = coefficient;
        row[slack] = 1;
        // Basic variables may not appear in a row of the tableau: subtract their rows out.
        for (var i = 0; i < _rows; i++)
        {
            if (_basis[i] == FixedSlack) continue;
            var factor = row[_basis[i]];
            if (Math.Abs(factor) <= Epsilon) continue;
            value -= factor * _values[i];
            RowVectors.SubtractMultiple(row, Row(i), factor);
        }
        _values[_rows] = value;
        _basis[_rows++] = slack;
    }

    /// <summary>Primal simplex to optimality from a feasible basis (all values ≥ 0); false if the work ran out first.</summary>
    public bool Optimize()
    {
        var blandAfter = 10 * (_rows + _width);
        for (var iteration = 0; ; iteration++)
        {
            if (_work.Exhausted) return false;
            var entering = iteration > blandAfter ? FirstNegativeCost() : MostNegativeCost();
            if (entering < 0) return true;

            GatherColumn(entering);
            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < _rows; i++)
            {
                var coefficient = _column[i];
                if (_basis[i] == FixedSlack && Math.Abs(coefficient) > Epsilon)
                {
                    leaving = i;
                    break;
                }
                if (coefficient <= Epsilon) continue;
                var ratio = Math.Max(0, _values[i]) / coefficient;
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

    /// <summary>
    /// Dual simplex from an optimal basis made infeasible by added rows; false when no solution exists, as soon as
    /// the objective (which only falls on the way) is one that <paramref name="cannotWin"/>, or when the work ran out.
    /// </summary>
    public bool Restore(Func<double, bool> cannotWin)
    {
        var blandAfter = 10 * (_rows + _width);
        for (var iteration = 0; ; iteration++)
        {
            if (cannotWin(_value) || _work.Exhausted) return false;
            // The most violated row: a value below zero, or a fixed slack off zero in either direction.
            var leaving = -1;
            var worst = 1e-7;
            for (var i = 0; i < _rows; i++)
            {
                var violation = _basis[i] == FixedSlack ? Math.Abs(_values[i]) : -_values[i];
                if (violation <= worst) continue;
                leaving = i;
                if (iteration > blandAfter) break;
                worst = violation;
            }
            if (leaving < 0) return true;

            // Raising a non-basic x_j moves the leaving variable by −a_j: to raise a value below zero take a_j < 0,
            // to lower a fixed slack above zero take a_j > 0.
            var row = Row(leaving);
            var direction = _values[leaving] > 0 ? -1 : 1;
            var entering = -1;
            var bestRatio = double.PositiveInfinity;
            for (var j = 0; j < _width; j++)
            {
                var coefficient = direction * row[j];
                if (coefficient >= -Epsilon) continue;
                var ratio = Math.Max(0, _cost[j]) / -coefficient;
                if (ratio < bestRatio - Epsilon)
                {
                    bestRatio = ratio;
                    entering = j;
                }
            }
            if (entering < 0) return false;
            GatherColumn(entering);
            Pivot(leaving, entering);
        }
    }

    /// <summary>The value of every variable at the current basis.</summary>
    public double[] Solution()
    {
        var x = new double[_variables];
        for (var i = 0; i < _rows; i++)
            if (_basis[i] >= 0 && _basis[i] < _variables) x[_basis[i]] = Math.Max(0, _values[i]);
        return x;
    }

    public void Dispose()
    {
        if (_disposed) return;
        AssertMayChange();
        _disposed = true;
        if (_parent is not null) _parent._liveCopies--;
        ReturnCells();
    }

    /// <summary>The copy-on-write rule: a tableau whose copies still read its rows must keep them as they are.</summary>
    [Conditional("DEBUG")]
    private void AssertMayChange()
    {
        Debug.Assert(_liveCopies == 0, "A tableau changed or was disposed while a copy of it still reads its rows.");
        Debug.Assert(!_disposed, "A disposed tableau was used.");
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

    /// <summary>Pivots on the gathered column.</summary>
    private void Pivot(int leaving, int entering)
    {
        AssertMayChange();
        _work.CountPivot();
        var pivotRow = WritableRow(leaving);
        var pivot = pivotRow[entering];
        // Rows stay fairly sparse: only the span of vectors where the pivot row is not zero changes.
        var (start, span) = RowVectors.NonZeroSpan(pivotRow);
        var source = pivotRow.Slice(start, span);
        RowVectors.Divide(source, pivot);
        var step = _values[leaving] / pivot;
        _values[leaving] = step;
        for (var i = 0; i < _rows; i++)
        {
            var factor = _column[i];
            if (i == leaving || Math.Abs(factor) <= Epsilon) continue;
            _values[i] -= factor * step;
            var target = WritableRow(i);
            RowVectors.SubtractMultiple(target.Slice(start, span), source, factor);
            target[entering] = 0;
        }
        var costFactor = _cost[entering];
        if (Math.Abs(costFactor) > Epsilon)
        {
            _value -= costFactor * step;
            RowVectors.SubtractMultiple(_cost.AsSpan(start, span), source, costFactor);
            _cost[entering] = 0;
        }
        _basis[leaving] = entering;
    }
}
