using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Restaurant.Api.Persistence.Configurations;

public static class ColumnOrder
{
    /// <summary>
    /// Gives a table's columns this order. SQLite cannot add a column in place without a default, so a migration that
    /// adds columns rebuilds the table, in the model's column order: fixing the order makes a migrated database and
    /// one built from the model the same.
    /// </summary>
    public static void InColumnOrder<T>(this EntityTypeBuilder<T> entity, params string[] columns) where T : class
    {
        for (var i = 0; i < columns.Length; i++) entity.Property(columns[i]).HasColumnOrder(i);
    }
}
