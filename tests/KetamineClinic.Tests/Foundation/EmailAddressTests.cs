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
}
