using System.Security.Cryptography;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KetamineClinic.Tests.Foundation;

public sealed class KeyRingReadableCheckTests
{
    [Fact]
    public async Task A_key_ring_that_protects_and_unprotects_is_healthy()
    {
        var check = new KeyRingReadableCheck(new EphemeralDataProtectionProvider());
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task A_key_ring_that_cannot_be_decrypted_is_unhealthy()
    {
        var check = new KeyRingReadableCheck(new UnreadableKeyRing());
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The key ring cannot be read.", result.Description);
    }

    /// <summary>What Data Protection does when its keys were encrypted with another certificate: it cannot use them.</summary>
    private sealed class UnreadableKeyRing : IDataProtectionProvider, IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext) => throw new CryptographicException("The key ring could not be decrypted.");

        public byte[] Unprotect(byte[] protectedData) => throw new CryptographicException("The key ring could not be decrypted.");
    }
}
