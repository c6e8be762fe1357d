using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Restaurant.Api.Persistence.Configurations;

public static class ColumnOrder
{
    /// <summary>
    /// Fixes the order of a table's columns: as the table was first created, with columns added later at the end. SQLite
    /// keeps columns where they were made, and when EF Core rebuilds a table (SQLite cannot drop a column otherwise) it
    /// orders the columns it was not told about by name; so a database migrated step by step and one built from the
    /// model have the same tables only if the order is written down (SchemaTests).
    /// </summary>
    public static void InColumnOrder<T>(this EntityTypeBuilder<T> entity, params string[] columns) where T : class
    {
        for (var i = 0; i < columns.Length; i++) entity.Property(columns[i]).HasColumnOrder(i);
    }
}
