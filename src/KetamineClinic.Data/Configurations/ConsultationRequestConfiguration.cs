using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KetamineClinic.Data.Configurations;

internal sealed class ConsultationRequestConfiguration(PersonalDataProtector protector) : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> entity)
    {
        entity.HasIndex(r => r.Reference).IsUnique();
        entity.HasIndex(r => r.IdempotencyKey).IsUnique();
        entity.HasIndex(r => new { r.Status, r.CreatedAt });
        entity.HasIndex(r => r.CreatedAt);

        entity.Property(r => r.Reference).HasMaxLength(16).IsUnicode(false);
        entity.Property(r => r.FirstName).HasMaxLength(100);
        entity.Property(r => r.LastName).HasMaxLength(100);
        entity.Property(r => r.Email).HasMaxLength(254);
        entity.Property(r => r.Phone).HasMaxLength(16).IsUnicode(false);
        entity.Property(r => r.State).HasMaxLength(2).IsUnicode(false);
        entity.Property(r => r.PreferredContact).HasConversion<string>().HasMaxLength(20);
        entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(r => r.SourceIpHash).HasMaxLength(64).IsUnicode(false);
        entity.Property(r => r.UserAgent).HasMaxLength(512);
        entity.Property(r => r.Version).IsConcurrencyToken();

        // Health information is stored as Data Protection ciphertext, so the column has no useful length limit.
        // "Best time to reach you" and "How you heard about us" are free text too, and can carry health words.
        entity.Property(r => r.HelpWith).HasConversion(protector.Converter);
        entity.Property(r => r.HealthAnswers).HasConversion(protector.Converter);
        entity.Property(r => r.BestTimeToReach).HasConversion((ValueConverter)protector.Converter);
        entity.Property(r => r.HeardAboutUs).HasConversion((ValueConverter)protector.Converter);

        entity.HasMany(r => r.Emails).WithOne(m => m.ConsultationRequest)
            .HasForeignKey(m => m.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(r => r.Notes).WithOne()
            .HasForeignKey(n => n.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(r => r.StatusChanges).WithOne()
            .HasForeignKey(c => c.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
