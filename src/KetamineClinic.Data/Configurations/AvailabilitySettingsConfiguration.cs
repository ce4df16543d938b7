using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class AvailabilitySettingsConfiguration : IEntityTypeConfiguration<AvailabilitySettings>
{
    public void Configure(EntityTypeBuilder<AvailabilitySettings> entity)
    {
        entity.Property(a => a.Id).ValueGeneratedNever();
        entity.Property(a => a.WeeklyHours).HasMaxLength(1000);
        entity.Property(a => a.ClosedDates).HasMaxLength(4000);
    }
}
