using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class LeadNoteConfiguration(PersonalDataProtector protector) : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> entity)
    {
        entity.Property(n => n.AuthorId).HasMaxLength(450);
        entity.Property(n => n.AuthorName).HasMaxLength(256);
        entity.Property(n => n.Text).HasConversion(protector.Converter);
    }
}
