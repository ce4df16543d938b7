using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class RequestStatusChangeConfiguration : IEntityTypeConfiguration<RequestStatusChange>
{
    public void Configure(EntityTypeBuilder<RequestStatusChange> entity)
    {
        entity.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        entity.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        entity.Property(c => c.ChangedById).HasMaxLength(450);
        entity.Property(c => c.ChangedByName).HasMaxLength(256);
    }
}
