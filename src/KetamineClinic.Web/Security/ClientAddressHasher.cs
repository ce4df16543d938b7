using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Security;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of client addresses and other identifiers: equal inputs give equal
/// hashes, so abuse can be spotted, but nobody can read an address back without the secret.
/// The secret is <c>Privacy:HashSalt</c> when set; otherwise it is derived from the oldest
/// Data Protection key, which every instance sharing the database sees alike.
/// </summary>
public sealed class ClientAddressHasher(
    IConfiguration configuration,
    IOptions<KeyManagementOptions> keyManagement,
    IDataProtectionProvider dataProtection)
{
    public const string SaltKey = "Privacy:HashSalt";

    private readonly Lazy<byte[]> _secret = new(() => ReadSecret(configuration, keyManagement.Value, dataProtection));

    public string? HashAddress(System.Net.IPAddress? address) =>
        address is null ? null : Hash(address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString());

    public string? HashAddress(HttpContext context) => HashAddress(context.Connection.RemoteIpAddress);

    /// <summary>Hex HMAC-SHA256 of any identifier (for example a normalised email address).</summary>
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret.Value, Encoding.UTF8.GetBytes(value)));

    private static byte[] ReadSecret(IConfiguration configuration, KeyManagementOptions options, IDataProtectionProvider dataProtection)
    {
        var salt = configuration[SaltKey];
        if (!string.IsNullOrEmpty(salt))
        {
            return SHA256.HashData(Encoding.UTF8.GetBytes(salt));
        }

        var repository = options.XmlRepository
            ?? throw new InvalidOperationException($"Set {SaltKey}: no Data Protection key repository is configured.");
        var oldest = OldestKey(repository);
        if (oldest is null)
        {
            // An empty key ring gets its first key on first use.
            dataProtection.CreateProtector("KetamineClinic.ClientAddressHasher").Protect([1]);
            oldest = OldestKey(repository) ?? throw new InvalidOperationException($"Set {SaltKey}: the Data Protection key ring is empty.");
        }

        return HMACSHA256.HashData(Encoding.UTF8.GetBytes("KetamineClinic.ClientAddressHasher.v1"), Encoding.UTF8.GetBytes(oldest));
    }

    private static string? OldestKey(Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository repository) =>
        repository.GetAllElements()
            .Where(e => e.Name.LocalName == "key")
            .OrderBy(e => (string?)e.Element("creationDate"), StringComparer.Ordinal)
            .ThenBy(e => (string?)e.Attribute("id"), StringComparer.Ordinal)
            .Select(e => e.ToString(System.Xml.Linq.SaveOptions.DisableFormatting))
            .FirstOrDefault();
}
