using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Menu versions: the version is the key (a publish takes the highest + 1), the menu one document.</summary>
public sealed class StoredMenuConfiguration : IEntityTypeConfiguration<StoredMenu>
{
    public void Configure(EntityTypeBuilder<StoredMenu> menu)
    {
        menu.HasKey(m => m.Version);
        menu.Property(m => m.Version).ValueGeneratedNever();
        // Availability rewrites a stored version: two writers on one version must not both win.
        menu.Property(m => m.Revision).IsConcurrencyToken();
        menu.HasIndex(m => m.EffectiveFrom);
    }
}
