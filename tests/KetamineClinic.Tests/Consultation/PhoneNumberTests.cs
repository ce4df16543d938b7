using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Consultation;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("(312) 555-0147", "+13125550147")]
    [InlineData("312-555-0147", "+13125550147")]
    [InlineData("312.555.0147", "+13125550147")]
    [InlineData("+1 312 555 0147", "+13125550147")]
    [InlineData("1-312-555-0147", "+13125550147")]
    [InlineData("3125550147", "+13125550147")]
    public void Us_numbers_are_normalised_to_e164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalizeUs(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("555-0147")]
    [InlineData("(012) 555-0147")]
    [InlineData("(312) 155-0147")]
    [InlineData("2-312-555-0147")]
    [InlineData("312-555-01477")]
    [InlineData("312-555-0147 x2")]
    [InlineData("+44 20 7946 0958")]
    public void Other_input_is_refused(string? input) => Assert.False(PhoneNumber.TryNormalizeUs(input, out _));

    [Fact]
    public void E164_numbers_display_in_the_us_style() => Assert.Equal("(312) 555-0147", PhoneNumber.Display("+13125550147"));
}
