using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("care@clinic.example")]
    [InlineData("first.last+tag@mail.example.org")]
    public void Plain_addresses_are_valid(string value) => Assert.True(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@clinic.example")]
    [InlineData("user@localhost")]
    [InlineData("user@clinic.")]
    [InlineData("Name <user@clinic.example>")]
    [InlineData("user @clinic.example")]
    [InlineData("user@clinic.example,other@clinic.example")]
    public void Malformed_addresses_are_invalid(string value) => Assert.False(EmailAddress.IsValid(value));

    [Fact]
    public void Addresses_over_254_characters_are_invalid() =>
        Assert.False(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 186) + ".example"));

    [Fact]
    public void A_mailto_link_addresses_exactly_the_address_even_when_its_local_part_looks_like_a_query()
    {
        const string address = "x?bcc=attacker&body=hello@example.com";
        Assert.True(EmailAddress.IsValid(address));

        var link = EmailAddress.MailtoLink(address);

        Assert.Equal("mailto:x%3Fbcc%3Dattacker%26body%3Dhello@example.com", link);
        Assert.Equal(address, Uri.UnescapeDataString(link["mailto:".Length..]));
    }
}
