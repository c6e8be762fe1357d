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
/// that work is exhausted (and throws if it is cancelled). The solves are in SimplexTableau.Solves.cs, row storage in
/// SimplexTableau.Layout.cs.
/// </summary>
internal sealed partial class SimplexTableau : IDisposable
{
    private const double Epsilon = 1e-9;
    /// <summary>The least pivot a solve takes: dividing by less would amplify rounding error past any tolerance.</summary>
    private const double PivotTolerance = 1e-7;
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

    /// <summary>Rows, and columns in use (the variables, then the slacks).</summary>
    public int RowCount => _rows;

    public int Width => _width;

    /// <summary>The column basic in row <paramref name="i"/>, or −1 for an "= 0" row whose fixed slack is basic.</summary>
    public int BasicIn(int i) => _basis[i];

    /// <summary>The value of row <paramref name="i"/>'s basic column.</summary>
    public double ValueIn(int i) => _values[i];

    /// <summary>Row <paramref name="i"/>: the basic column's 1, and the non-basic columns' coefficients.</summary>
    public ReadOnlySpan<double> RowAt(int i) => Row(i)[.._width];

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

    /// <summary>
    /// Adds coefficient · Σ x[columns] ≤ limit, expressed in the current basis; <see cref="Restore"/> next. Returns
    /// the row's slack column, which names the row to <see cref="MoveLimit"/>.
    /// </summary>
    public int Add(int[] columns, double coefficient, double limit)
    {
        var values = new double[columns.Length];
        Array.Fill(values, coefficient);
        return Add(columns, values, limit);
    }

    /// <summary>Adds Σ values[k] · x[columns[k]] ≤ limit, as <see cref="Add(int[], double, double)"/> does.</summary>
    public int Add(int[] columns, double[] values, double limit)
    {
        AssertMayChange();
        MakeRoom(_rows + 1, _width + 1);
        var slack = _width++;
        _homes[_rows] = _cells;
        var row = Row(_rows);
        row.Clear();
        var value = limit;
        for (var k = 0; k < columns.Length; k++) row[columns[k]] = values[k];
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
        return slack;
    }

    /// <summary>
    /// Moves the limit of a row that <see cref="Add"/> added (named by its slack column) by <paramref name="delta"/>;
    /// <see cref="Restore"/> next. The slack's column is B⁻¹ of the row's unit vector, so the basic values move by
    /// delta times it and the objective by delta times the row's dual price (the slack's reduced cost). No row of
    /// the tableau changes, so a parent's rows stay shared.
    /// </summary>
    public void MoveLimit(int slack, double delta)
    {
        AssertMayChange();
        for (var i = 0; i < _rows; i++)
        {
            var coefficient = _homes[i][i * _stride + slack];
            if (coefficient != 0) _values[i] += delta * coefficient;
        }
        _value += delta * _cost[slack];
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
