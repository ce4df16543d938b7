using System.Net;
using System.Xml.Linq;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Tests.Staff;

public sealed class ClientAddressHasherTests
{
    private static ClientAddressHasher Create(string? salt, IXmlRepository? keys = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClientAddressHasher.SaltKey] = salt }).Build(),
        Options.Create(new KeyManagementOptions { XmlRepository = keys }),
        new EphemeralDataProtectionProvider());

    [Fact]
    public void The_same_address_gives_the_same_hash_which_does_not_reveal_it()
    {
        var hasher = Create("a long random secret");

        var hash = hasher.HashAddress(IPAddress.Parse("203.0.113.7"));

        Assert.Equal(hash, hasher.HashAddress(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, hasher.HashAddress(IPAddress.Parse("203.0.113.8")));
        Assert.NotEqual(hash, Create("another secret").HashAddress(IPAddress.Parse("203.0.113.7")));
        Assert.Null(hasher.HashAddress((IPAddress?)null));
    }

    [Fact]
    public void Without_a_salt_the_secret_comes_from_the_oldest_data_protection_key()
    {
        var keys = new MemoryKeys();
        keys.StoreElement(new XElement("key", new XAttribute("id", "b"), new XElement("creationDate", "2026-02-01T00:00:00Z")), "b");
        keys.StoreElement(new XElement("key", new XAttribute("id", "a"), new XElement("creationDate", "2026-01-01T00:00:00Z")), "a");
        var first = Create(null, keys).Hash("x");

        keys.StoreElement(new XElement("key", new XAttribute("id", "c"), new XElement("creationDate", "2026-03-01T00:00:00Z")), "c");

        Assert.Equal(first, Create(null, keys).Hash("x"));
        Assert.NotEqual(first, Create(null, new MemoryKeys([keys.GetAllElements().Last()])).Hash("x"));
    }

    private sealed class MemoryKeys(IEnumerable<XElement>? initial = null) : IXmlRepository
    {
        private readonly List<XElement> _elements = [.. initial ?? []];

        public IReadOnlyCollection<XElement> GetAllElements() => _elements.AsReadOnly();

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(element);
    }
}
