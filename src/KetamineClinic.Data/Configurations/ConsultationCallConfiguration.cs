using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class ConsultationCallConfiguration : IEntityTypeConfiguration<ConsultationCall>
{
    public void Configure(EntityTypeBuilder<ConsultationCall> entity)
    {
        // No double booking by construction: one live call per start and seat, and one live call per request.
        entity.HasIndex(c => new { c.StartsAt, c.Seat }).IsUnique().HasFilter(ConsultationCall.HoldsSeatFilter);
        entity.HasIndex(c => c.ConsultationRequestId).IsUnique().HasFilter(ConsultationCall.HoldsSeatFilter);
        entity.HasIndex(c => c.ManageTokenHash).IsUnique();

        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(c => c.CalendarUid).HasMaxLength(100).IsUnicode(false);
        entity.Property(c => c.ManageTokenHash).HasMaxLength(64).IsUnicode(false);
        entity.Property(c => c.Version).IsConcurrencyToken();

        entity.HasOne(c => c.ConsultationRequest).WithMany(r => r.Calls)
            .HasForeignKey(c => c.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
