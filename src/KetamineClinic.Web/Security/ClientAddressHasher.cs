using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Security;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of client addresses and other identifiers: equal inputs give equal hashes,
/// so abuse from one address is visible, but the input cannot be recovered without the secret.
/// </summary>
public sealed class ClientAddressHasher
{
    private static readonly byte[] _derivationLabel = Encoding.UTF8.GetBytes("KetamineClinic.ClientAddressHash.v1");
    private readonly byte[] _key;

    public ClientAddressHasher(IOptions<PrivacyOptions> options, KeyEncryptionCertificate certificate)
    {
        if (options.Value.ConfiguredKey.Key is { Length: > 0 } configured)
        {
            _key = Encoding.UTF8.GetBytes(configured);
        }
        else
        {
            // PKCS#1 v1.5 signatures are deterministic: the same certificate always yields the same secret.
            using var rsa = certificate.Certificate.GetRSAPrivateKey()!;
            _key = SHA256.HashData(rsa.SignData(_derivationLabel, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }

    public string? HashAddress(IPAddress? address) =>
        address is null ? null : Hash((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());

    public string? HashAddress(HttpContext context) => HashAddress(context.Connection.RemoteIpAddress);

    /// <summary>Hex HMAC-SHA256 of any identifier, e.g. a client address or a normalised email address.</summary>
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
