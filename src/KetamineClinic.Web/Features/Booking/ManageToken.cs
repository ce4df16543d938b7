using System.Security.Cryptography;
using System.Text;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>The secret in a visitor's manage link (/booking/{token}): 256 random bits; only its SHA-256 is stored.</summary>
public sealed record ManageToken(string Value, string Hash)
{
    public static ManageToken New()
    {
        var value = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new ManageToken(value, HashOf(value));
    }

    public static string HashOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(value)));

    /// <summary>A string that could be a token (43 URL-safe characters); anything else is refused before the database.</summary>
    public static bool LooksValid(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
