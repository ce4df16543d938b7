using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class OutboxMessageConfiguration(PersonalDataProtector protector) : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.HasIndex(m => new { m.Status, m.NextAttemptAt });
        entity.HasIndex(m => m.MessageId).IsUnique();
        entity.Property(m => m.MessageId).HasMaxLength(200).IsUnicode(false);
        entity.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        entity.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(m => m.LockedBy).HasMaxLength(100);
        entity.Property(m => m.LastError).HasMaxLength(1000);

        // A plain column, not a foreign key: the message already belongs to the request (and goes with it), and a
        // second cascade path through the call is one SQL Server refuses.
        entity.HasIndex(m => m.ConsultationCallId);
        entity.Property(m => m.ManageToken).HasConversion(protector.Converter!);
    }
}
