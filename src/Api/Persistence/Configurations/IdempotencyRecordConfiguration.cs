using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Restaurant.Api.Persistence.Configurations;

/// <summary>Idempotency keys, one per caller and key hash, purged once expired.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => new { r.Caller, r.KeyHash });
        record.Property(r => r.Caller).HasMaxLength(IdempotencyRecord.MaxCallerLength);
        record.Property(r => r.KeyHash).HasMaxLength(IdempotencyRecord.KeyHashLength);
        record.Property(r => r.PreferenceApplied).HasMaxLength(IdempotencyRecord.MaxPreferenceLength);
        record.HasIndex(r => r.ExpiresAt);
    }
}
