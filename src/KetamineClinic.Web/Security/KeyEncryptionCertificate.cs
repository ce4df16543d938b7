using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using KetamineClinic.Data;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Security;

/// <summary>
/// The certificate that encrypts the Data Protection keys before they are written to the database.
/// The keys sit in the same database as the data they protect, so without this a copy of the database
/// would be enough to decrypt the health information. The certificate lives outside the database
/// (a file, or a path from configuration) and must be backed up and shared separately; see docs/deployment.md.
/// </summary>
public sealed class KeyEncryptionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";
    public const string DefaultPath = "App_Data/keys/key-encryption.pfx";

    private KeyEncryptionCertificate(X509Certificate2 certificate, string path)
    {
        Certificate = certificate;
        Path = path;
    }

    public X509Certificate2 Certificate { get; }
    public string Path { get; }

    /// <summary>
    /// Loads the configured certificate, or, when none is configured, the generated one at
    /// <see cref="DefaultPath"/>, creating it the first time.
    /// </summary>
    public static KeyEncryptionCertificate Load(IConfiguration configuration, string contentRoot)
    {
        var configuredPath = configuration[PathKey];
        var password = configuration[PasswordKey];
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = System.IO.Path.GetFullPath(configuredPath, contentRoot);
            if (!File.Exists(path))
            {
                throw new ClinicConfigurationException($"{PathKey} '{configuredPath}' does not exist.");
            }

            return new KeyEncryptionCertificate(Read(path, password), path);
        }

        var defaultPath = System.IO.Path.GetFullPath(DefaultPath, contentRoot);
        if (!File.Exists(defaultPath))
        {
            Generate(defaultPath);
        }

        OwnerOnlyFiles.RestrictFolder(System.IO.Path.GetDirectoryName(defaultPath)!);

        return new KeyEncryptionCertificate(Read(defaultPath, password: null), defaultPath);
    }

    private static X509Certificate2 Read(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new ClinicConfigurationException(
                $"{PathKey} '{path}' could not be read (wrong {PasswordKey}, or not a PKCS#12 file): {ex.Message}");
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new ClinicConfigurationException($"{PathKey} '{path}' must contain an RSA certificate with its private key.");
        }

        return certificate;
    }

    private static void Generate(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(
            "CN=KetamineClinic Data Protection key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pfx);

        // Written beside and then moved, so a second instance starting at the same moment never reads half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = CreatePrivateFile(temporary))
        {
            stream.Write(pfx);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}

public static class KeyEncryptionExtensions
{
    /// <summary>
    /// Encrypts newly created keys with the clinic's certificate and decrypts stored keys with it.
    /// The certificate is loaded when Data Protection is first used, after every configuration source
    /// (test overrides included) has been applied.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithClinicCertificate(this IDataProtectionBuilder builder, string contentRoot)
    {
        builder.Services.AddSingleton(services =>
            KeyEncryptionCertificate.Load(services.GetRequiredService<IConfiguration>(), contentRoot));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlEncryptor = new KeyEncryptionCertificateXmlEncryptor(
                services.GetRequiredService<KeyEncryptionCertificate>().Certificate,
                services.GetRequiredService<ILoggerFactory>())));
        return builder;
    }
}

/// <summary>
/// The framework's certificate encryption, but naming <see cref="KeyEncryptionCertificateXmlDecryptor"/>
/// as the decryptor, which finds the certificate through dependency injection instead of the machine's
/// certificate store (the framework's own option for that needs the certificate at registration time).
/// </summary>
public sealed class KeyEncryptionCertificateXmlEncryptor(X509Certificate2 certificate, ILoggerFactory loggerFactory) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, loggerFactory);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(KeyEncryptionCertificateXmlDecryptor));
}

/// <summary>Decrypts keys written by <see cref="KeyEncryptionCertificateXmlEncryptor"/> (XML Encryption, RSA key transport).</summary>
public sealed class KeyEncryptionCertificateXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyEncryptionCertificate>().Certificate;
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }

        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>()
                .SelectMany(data => data.Certificates?.OfType<X509Certificate2>() ?? [])
                .Any(c => c.Thumbprint == certificate.Thumbprint);
            if (!named)
            {
                throw new CryptographicException(
                    $"A Data Protection key was encrypted with a different certificate than {KeyEncryptionCertificate.PathKey}; see docs/deployment.md.");
            }

            using var rsa = certificate.GetRSAPrivateKey()!;
            var oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, oaep);
        }
    }
}
