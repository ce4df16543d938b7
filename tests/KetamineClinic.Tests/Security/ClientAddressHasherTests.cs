using System.Net;
using KetamineClinic.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Tests.Security;

public sealed class ClientAddressHasherTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("clinic-hasher-");

    private KeyEncryptionCertificate Certificate() =>
        KeyEncryptionCertificate.Load(new ConfigurationBuilder().Build(), _root.FullName);

    [Fact]
    public void The_certificate_is_generated_once_and_then_reused()
    {
        var first = Certificate();
        var second = Certificate();

        Assert.Equal(Path.Combine(_root.FullName, "App_Data", "keys", "key-encryption.pfx"), first.Path);
        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.True(first.Certificate.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Path));
        }
    }

    [Fact]
    public void Hashes_are_stable_hex_and_differ_per_address_and_per_secret()
    {
        var derived = new ClientAddressHasher(Options.Create(new PrivacyOptions()), Certificate());
        var derivedAgain = new ClientAddressHasher(Options.Create(new PrivacyOptions()), Certificate());
        var keyed = new ClientAddressHasher(Options.Create(new PrivacyOptions { HashKey = "a-long-enough-secret-key" }), Certificate());
        var address = IPAddress.Parse("203.0.113.7");

        var hash = derived.HashAddress(address)!;

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, derivedAgain.HashAddress(address));
        Assert.Equal(hash, derived.HashAddress(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.NotEqual(hash, derived.HashAddress(IPAddress.Parse("203.0.113.8")));
        Assert.NotEqual(hash, keyed.HashAddress(address));
        Assert.DoesNotContain("203.0.113.7", hash, StringComparison.Ordinal);
        Assert.Null(derived.HashAddress((IPAddress?)null));
    }

    [Fact]
    public void Any_identifier_hashes_like_an_address_does()
    {
        var hasher = new ClientAddressHasher(Options.Create(new PrivacyOptions { HashKey = "a-long-enough-secret-key" }), Certificate());

        Assert.Equal(hasher.HashAddress(IPAddress.Parse("203.0.113.7")), hasher.Hash("203.0.113.7"));
        Assert.NotEqual(hasher.Hash("STAFF@CLINIC.EXAMPLE"), hasher.Hash("OTHER@CLINIC.EXAMPLE"));
    }

    [Fact]
    public void The_earlier_setting_name_hash_salt_still_keys_the_hashes_when_hash_key_is_empty()
    {
        var byOldName = new ClientAddressHasher(Options.Create(new PrivacyOptions { HashSalt = "a-long-enough-secret-key" }), Certificate());
        var byNewName = new ClientAddressHasher(Options.Create(new PrivacyOptions { HashKey = "a-long-enough-secret-key" }), Certificate());
        var both = new ClientAddressHasher(Options.Create(new PrivacyOptions { HashKey = "a-long-enough-secret-key", HashSalt = "another-long-secret-key" }), Certificate());

        Assert.Equal(byNewName.Hash("203.0.113.7"), byOldName.Hash("203.0.113.7"));
        Assert.Equal(byNewName.Hash("203.0.113.7"), both.Hash("203.0.113.7"));
    }

    [Theory]
    [InlineData("short", "", "Privacy:HashKey")]
    [InlineData("", "short", "Privacy:HashSalt")]
    public void A_short_key_is_refused_naming_the_setting_it_came_from(string key, string salt, string setting) =>
        Assert.StartsWith($"{setting} must be at least 16 characters", new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { HashKey = key, HashSalt = salt }).FailureMessage, StringComparison.Ordinal);

    public void Dispose() => _root.Delete(recursive: true);
}
