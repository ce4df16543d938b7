using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KetamineClinic.Data;

/// <summary>
/// Encrypts personal health information column by column with ASP.NET Core Data Protection,
/// so a copy of the database alone does not reveal it. The keys live in the same database but
/// are themselves protected (see docs/deployment.md), which is why production deployments
/// configure a key-encryption certificate.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string Purpose = "KetamineClinic.PersonalData.v1";

    public PersonalDataProtector(IDataProtectionProvider provider)
    {
        var protector = provider.CreateProtector(Purpose);
        Converter = new ValueConverter<string, string>(
            plain => protector.Protect(plain),
            cipher => protector.Unprotect(cipher));
    }

    private PersonalDataProtector(ValueConverter<string, string> converter) => Converter = converter;

    /// <summary>Used by design-time tools, which only need the model's shape and never read or write data.</summary>
    public static PersonalDataProtector DesignTime { get; } = new(new ValueConverter<string, string>(
        plain => plain,
        cipher => cipher));

    public ValueConverter<string, string> Converter { get; }
}
