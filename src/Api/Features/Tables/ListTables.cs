using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Tables;

public static class ListTables
{
    /// <summary>The whole floor, by id (numbers in numeric order, so table 2 comes before table 10), with each table's order.</summary>
    public sealed record Query : IRequest<IReadOnlyList<TableView>>;

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Query, IReadOnlyList<TableView>>
    {
        public async Task<IReadOnlyList<TableView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            var tables = await db.Tables.AsNoTracking().ToListAsync(cancellationToken);
            var active = await TableView.ActiveOrdersAsync(db, null, cancellationToken);
            return tables.OrderBy(t => t.Id, FloorOrder.Instance).Select(t => TableView.From(t, active)).ToList();
        }
    }

    /// <summary>Ids compared as people read them: runs of digits by their number, everything else ordinally.</summary>
    private sealed class FloorOrder : IComparer<string>
    {
        public static readonly FloorOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (a, b) = (x ?? "", y ?? "");
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
                {
                    var (startA, startB) = (i, j);
                    while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                    while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                    // Table ids are at most 20 characters, so a run of digits always fits a decimal.
                    var byNumber = decimal.Parse(a.AsSpan(startA, i - startA)).CompareTo(decimal.Parse(b.AsSpan(startB, j - startB)));
                    if (byNumber != 0) return byNumber;
                    continue;
                }
                var byChar = a[i].CompareTo(b[j]);
                if (byChar != 0) return byChar;
                i++;
                j++;
            }
            var byLength = (a.Length - i).CompareTo(b.Length - j);
            return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
        }
    }
}
