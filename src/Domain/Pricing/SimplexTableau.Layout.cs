using System.Buffers;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// Where a tableau's rows live. Rows live in one pooled array, each a whole number of vectors wide, so pivots run on
/// vectors (<see cref="RowVectors"/>); cells past the columns in use stay zero. A copy reads its parent's rows until it
/// first writes one (copy-on-write). Dispose returns the pooled arrays.
/// </summary>
internal sealed partial class SimplexTableau
{
    private int _stride; // doubles per row: the columns in use plus room for a few more
    private double[] _cells; // this tableau's rows: row i starts at i · _stride
    private double[][] _homes; // where each row lives: in _cells, or until first changed in an ancestor's cells
    private double[] _column = []; // the entering column, gathered once per pivot (rows are far apart in memory)

    private void GatherColumn(int j)
    {
        if (_column.Length < _rows) _column = new double[_basis.Length];
        for (var i = 0; i < _rows; i++) _column[i] = _homes[i][i * _stride + j];
    }

    private Span<double> Row(int i) => _homes[i].AsSpan(i * _stride, _stride);

    private Span<double> WritableRow(int i)
    {
        if (_homes[i] != _cells)
        {
            Row(i).CopyTo(_cells.AsSpan(i * _stride, _stride));
            _homes[i] = _cells;
        }
        return Row(i);
    }

    /// <summary>Re-lays the rows out, all in this tableau's own cells, when another row or column would not fit.</summary>
    private void MakeRoom(int rows, int width)
    {
        if (rows > _basis.Length)
        {
            Array.Resize(ref _basis, RowCapacityFor(rows));
            Array.Resize(ref _values, RowCapacityFor(rows));
            Array.Resize(ref _homes, RowCapacityFor(rows));
        }
        var stride = width <= _stride ? _stride : StrideFor(width);
        if (stride == _stride && rows * _stride <= _cells.Length) return;
        var cells = Rent(RowCapacityFor(rows) * stride);
        for (var i = 0; i < _rows; i++)
        {
            var row = cells.AsSpan(i * stride, stride);
            Row(i).CopyTo(row);
            row[_stride..].Clear();
            _homes[i] = cells;
        }
        var cost = Rent(stride);
        _cost.AsSpan(0, _stride).CopyTo(cost);
        cost.AsSpan(_stride, stride - _stride).Clear();
        ArrayPool<double>.Shared.Return(_cells);
        ArrayPool<double>.Shared.Return(_cost);
        (_cells, _cost, _stride) = (cells, cost, stride);
    }

    private void ReturnCells()
    {
        ArrayPool<double>.Shared.Return(_cells);
        ArrayPool<double>.Shared.Return(_cost);
        _cells = _cost = [];
    }

    // Branches add a row and a column each: leave room for a few.
    private static int StrideFor(int width) => (width + 8 + RowVectors.Lanes - 1) / RowVectors.Lanes * RowVectors.Lanes;

    private static int RowCapacityFor(int rows) => rows + 8;

    private static double[] Rent(int length) => ArrayPool<double>.Shared.Rent(length);
}
