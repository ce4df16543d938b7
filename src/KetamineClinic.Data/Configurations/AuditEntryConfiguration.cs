using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.HasIndex(a => a.At);
        entity.HasIndex(a => new { a.Action, a.At });
        entity.Property(a => a.ActorId).HasMaxLength(450);
        entity.Property(a => a.ActorName).HasMaxLength(256);
        entity.Property(a => a.Action).HasMaxLength(64).IsUnicode(false);
        entity.Property(a => a.Subject).HasMaxLength(128);
        entity.Property(a => a.Details).HasMaxLength(500);
        entity.Property(a => a.IpHash).HasMaxLength(64).IsUnicode(false);
    }
}
