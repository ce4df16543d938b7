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

    /// <summary>
    /// A <c>mailto:</c> link to exactly this address. Its local part and domain are percent-encoded, because a local
    /// part such as <c>x?bcc=…&amp;body=…</c> is a valid address and, written as it is, would add recipients and text.
    /// </summary>
    public static string MailtoLink(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at < 0
            ? "mailto:" + Uri.EscapeDataString(address)
            : $"mailto:{Uri.EscapeDataString(address[..at])}@{Uri.EscapeDataString(address[(at + 1)..])}";
    }
}
