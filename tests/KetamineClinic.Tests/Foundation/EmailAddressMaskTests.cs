using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class EmailAddressMaskTests
{
    [Theory]
    [InlineData("alex.morgan@example.com", "a•••@example.com")]
    [InlineData("a@example.com", "a•••@example.com")]
    [InlineData("\"quoted@local\"@mail.example", "\"•••@mail.example")]
    [InlineData("no-at-sign", "•••")]
    [InlineData("@example.com", "•••")]
    [InlineData("someone@", "•••")]
    public void The_address_keeps_its_first_character_and_its_domain(string address, string expected) =>
        Assert.Equal(expected, EmailAddressMask.Mask(address));
}
