using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>One row per diner's token: its order, the token's hash (never the token) and the diner's name.</summary>
public sealed class DinerTokenConfiguration : IEntityTypeConfiguration<DinerToken>
{
    /// <summary>A SHA-256 in lower-case hex.</summary>
    public const int TokenHashLength = 64;

    public void Configure(EntityTypeBuilder<DinerToken> token)
    {
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).HasMaxLength(Order.IdLength);
        token.Property(t => t.TokenHash).HasMaxLength(TokenHashLength);
        token.Property(t => t.Diner).HasMaxLength(Order.MaxDinerLength);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
