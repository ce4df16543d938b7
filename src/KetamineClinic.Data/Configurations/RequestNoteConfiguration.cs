using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineClinic.Data.Configurations;

internal sealed class RequestNoteConfiguration(PersonalDataProtector protector) : IEntityTypeConfiguration<RequestNote>
{
    public void Configure(EntityTypeBuilder<RequestNote> entity)
    {
        entity.Property(n => n.AuthorId).HasMaxLength(450);
        entity.Property(n => n.AuthorName).HasMaxLength(256);
        entity.Property(n => n.Text).HasConversion(protector.Converter);
    }
}
