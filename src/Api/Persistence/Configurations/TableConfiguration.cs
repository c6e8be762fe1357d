using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>The floor's tables and their codes (kept as they are: staff print them again).</summary>
public sealed class TableConfiguration : IEntityTypeConfiguration<Table>
{
    public void Configure(EntityTypeBuilder<Table> table)
    {
        table.HasKey(t => t.Id);
        table.Property(t => t.Id).HasMaxLength(Table.MaxIdLength);
        table.Property(t => t.Code).HasMaxLength(Table.CodeLength);
    }
}
