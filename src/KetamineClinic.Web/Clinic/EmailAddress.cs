using System.Net.Mail;

namespace KetamineClinic.Web.Clinic;

public static class EmailAddress
{
    /// <summary>A plain address (no display name), as people type it into a form.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(value, out var parsed)
            && parsed.Address == value
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.EndsWith('.');
    }
}
