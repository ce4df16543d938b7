using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class ConfiguredCertificateTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();
    private readonly X509Certificate2 _certificate;

    public ConfiguredCertificateTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_factory.Directory, "configured.pfx");
        File.WriteAllBytes(path, _certificate.Export(X509ContentType.Pfx, "s3cret-pass"));
        _factory.Settings["DataProtection:CertificatePath"] = path;
        _factory.Settings["DataProtection:CertificatePassword"] = "s3cret-pass";
    }

    [Fact]
    public async Task Keys_are_encrypted_with_the_configured_certificate()
    {
        using var client = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
        var keys = await scope.Db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        var embedded = Convert.ToBase64String(_certificate.RawData);
        Assert.All(keys, xml => Assert.Contains(embedded, xml, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _certificate.Dispose();
    }
}
